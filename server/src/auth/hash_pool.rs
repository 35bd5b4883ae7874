//! Threads for argon2 that yield the CPU to page rendering.
//!
//! A sign-in costs ~20 ms of one core in argon2; a storm of them on the tokio blocking pool
//! competes with the runtime's workers as an equal. These threads run at `nice` 10, so when
//! both want a core the scheduler gives pages about nine tenths of it, while argon2 still gets
//! every cycle nobody else wants (measured in `bench/run.sh`, figure 4).

use std::{
    panic::{self, AssertUnwindSafe},
    sync::{Arc, Mutex, mpsc},
    thread,
};

use tokio::sync::oneshot;

/// How much lower than the rest of the process the hashing threads run (0 = same, 19 = least).
const NICENESS: libc::c_int = 10;

type Job = Box<dyn FnOnce() + Send>;

/// A fixed set of low-priority threads fed through a channel. They exit when the last handle
/// is dropped.
#[derive(Clone)]
pub struct HashPool {
    jobs: mpsc::Sender<Job>,
}

impl HashPool {
    pub fn new(threads: usize) -> Self {
        let (jobs, queue) = mpsc::channel::<Job>();
        let queue = Arc::new(Mutex::new(queue));
        for n in 0..threads.max(1) {
            let queue = Arc::clone(&queue);
            let spawned = thread::Builder::new().name(format!("argon2-{n}")).spawn(move || {
                lower_priority();
                loop {
                    // The lock is held only while waiting for the next job, not while running it.
                    let job = match queue.lock() {
                        Ok(q) => q.recv(),
                        Err(_) => return,
                    };
                    match job {
                        // A panicking job drops its result sender (its caller gets `None`); the
                        // thread lives on for the next one.
                        Ok(job) => {
                            let _ = panic::catch_unwind(AssertUnwindSafe(job));
                        }
                        Err(_) => return,
                    }
                }
            });
            if let Err(e) = spawned {
                tracing::warn!(error = %e, "could not start an argon2 thread");
            }
        }
        Self { jobs }
    }

    /// Runs `f` on one of the pool's threads and waits for its result.
    pub async fn run<T: Send + 'static>(&self, f: impl FnOnce() -> T + Send + 'static) -> Option<T> {
        let (done, result) = oneshot::channel();
        let job: Job = Box::new(move || {
            let _ = done.send(f());
        });
        self.jobs.send(job).ok()?;
        result.await.ok()
    }
}

/// Raises the calling thread's niceness. Linux applies `setpriority` to one thread when given
/// its thread id; failure only costs the priority, so it is logged, not fatal.
fn lower_priority() {
    #[cfg(target_os = "linux")]
    {
        // SAFETY: plain syscalls on the calling thread, no pointers involved.
        let rc = unsafe {
            let tid = libc::syscall(libc::SYS_gettid) as libc::id_t;
            libc::setpriority(libc::PRIO_PROCESS, tid, NICENESS)
        };
        if rc != 0 {
            tracing::warn!(error = %std::io::Error::last_os_error(), "could not lower argon2 thread priority");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn runs_jobs_on_niced_threads() {
        let pool = HashPool::new(2);
        let answers = futures_join(&pool).await;
        assert_eq!(answers, vec![Some(1), Some(2), Some(3)]);
        #[cfg(target_os = "linux")]
        {
            let nice = pool
                .run(|| unsafe {
                    let tid = libc::syscall(libc::SYS_gettid) as libc::id_t;
                    libc::getpriority(libc::PRIO_PROCESS, tid)
                })
                .await;
            assert_eq!(nice, Some(NICENESS));
        }
    }

    #[tokio::test]
    async fn a_panicking_job_fails_alone_and_the_thread_lives_on() {
        let pool = HashPool::new(1);
        let failed: Option<()> = pool.run(|| panic!("argon2 exploded")).await;
        assert_eq!(failed, None);
        assert_eq!(pool.run(|| 7).await, Some(7));
    }

    async fn futures_join(pool: &HashPool) -> Vec<Option<i32>> {
        let (a, b, c) = tokio::join!(pool.run(|| 1), pool.run(|| 2), pool.run(|| 3));
        vec![a, b, c]
    }
}
