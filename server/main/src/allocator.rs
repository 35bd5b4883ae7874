//! The process's allocator: mimalloc (version 2), tuned to give memory back promptly.
//!
//! Page rendering allocates many small short-lived objects: with mimalloc a signed-in page
//! costs a third less CPU than with glibc malloc (`bench/run.sh`, figure 2), and glibc kept
//! argon2's 19 MiB blocks in per-thread arenas after a sign-in storm (RSS 492 MiB, 46 with
//! mimalloc). Its defaults, though, commit arenas eagerly and purge freed memory after a delay,
//! which doubled the resident memory that 100,000 cached sessions appear to cost (figure 6:
//! 114 MiB instead of 55). The two options below undo that at no measured CPU cost.

use libmimalloc_sys::{mi_option_set, mi_option_t};

/// Indices in `mi_option_e` of mimalloc 2 (`include/mimalloc.h`: 0 show_errors, 1 show_stats,
/// 2 verbose, 3 eager_commit, 4 arena_eager_commit, …, 14 eager_commit_delay, 15 purge_delay).
const ARENA_EAGER_COMMIT: mi_option_t = 4;
const PURGE_DELAY: mi_option_t = 15;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Commit arena memory on demand and purge freed memory at once.
///
/// It must run before the first allocation: the first arena is reserved then, with the options
/// of that moment, and it serves everything that follows. Rust code allocates before `main`
/// (the runtime's set-up), so on ELF targets this runs as a load-time constructor, before any
/// Rust code; elsewhere `main` calls it, which is better than nothing.
pub extern "C" fn tune() {
    // SAFETY: setting documented options; mimalloc reads them when it next needs them.
    unsafe {
        mi_option_set(ARENA_EAGER_COMMIT, 0);
        mi_option_set(PURGE_DELAY, 0);
    }
}

#[cfg(target_os = "linux")]
#[used]
#[unsafe(link_section = ".init_array")]
static TUNE_AT_LOAD: extern "C" fn() = tune;

#[cfg(test)]
mod tests {
    use libmimalloc_sys::mi_option_get;

    use super::*;

    #[test]
    #[cfg(target_os = "linux")]
    fn options_are_set_before_main() {
        // The test harness links this module too, so the constructor has run by now. (The
        // indices are mimalloc 2's `mi_option_e`; with their defaults, 2 and 10, this fails.)
        // SAFETY: reading options has no preconditions.
        let values = unsafe { (mi_option_get(ARENA_EAGER_COMMIT), mi_option_get(PURGE_DELAY)) };
        assert_eq!(values, (0, 0));
    }
}
