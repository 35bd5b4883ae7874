//! Security hardening (ASVS level 2): each test first plays the attack that worked before the
//! rule, then checks the rule holds.

#[path = "../support/mod.rs"]
mod support;

mod code_guesses;
mod flash;
mod google_links;
mod headers;
mod limits;
mod links;
mod lockout;
mod recent;
mod reconfirm_codes;
mod recovery;
mod session_limits;
mod trail;
mod two_step_setup;
mod unverified;
