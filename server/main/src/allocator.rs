//! The process's allocator: mimalloc (version 2), tuned to give memory back promptly.
//!
//! Page rendering allocates many small short-lived objects: with mimalloc a signed-in page
//! costs a third less CPU than with glibc malloc (`bench/run.sh`, figure 2), and glibc kept
//! argon2's 19 MiB blocks in per-thread arenas after a sign-in storm (RSS 492 MiB, 46 with
//! mimalloc). Its defaults, though, commit arenas eagerly and purge freed memory after a delay,
//! which doubled the resident memory that 100,000 cached sessions appear to cost (figure 6:
//! 114 MiB instead of 55). The two options below undo that at no measured CPU cost.

#[cfg(test)]
use libmimalloc_sys::mi_option_get;
use libmimalloc_sys::{mi_option_set, mi_option_t};

/// Indices in `mi_option_e` of mimalloc 2 (`include/mimalloc.h`); the test below checks them
/// against the defaults the header documents.
const ARENA_EAGER_COMMIT: mi_option_t = 4;
const PURGE_DELAY: mi_option_t = 15;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Commit arena memory on demand and purge freed memory at once. Call first thing in `main`.
pub fn tune() {
    // SAFETY: setting documented options; mimalloc reads them when it next needs them.
    unsafe {
        mi_option_set(ARENA_EAGER_COMMIT, 0);
        mi_option_set(PURGE_DELAY, 0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options() -> (i64, i64) {
        // SAFETY: reading options has no preconditions.
        unsafe { (mi_option_get(ARENA_EAGER_COMMIT) as i64, mi_option_get(PURGE_DELAY) as i64) }
    }

    #[test]
    fn the_indices_name_the_options_we_mean() {
        // mimalloc.h: arena_eager_commit defaults to 2 (eager on overcommit systems), purge_delay
        // to 10 ms; no other option has this pair of defaults at these two indices.
        assert_eq!(options(), (2, 10), "option indices do not match mimalloc 2's header");
        tune();
        assert_eq!(options(), (0, 0));
    }
}
