//! Security hardening (ASVS level 2): each test first plays the attack that worked before the
//! rule, then checks the rule holds.

mod breached;
mod ceremonies;
mod code_guesses;
mod flash;
mod google_links;
mod headers;
mod idle;
mod limits;
mod links;
mod locked;
mod lockout;
mod metrics_labels;
mod not_me;
mod notices;
mod panics;
mod passkey_rules;
mod planted;
mod recent;
mod reconfirm_codes;
mod reconfirm_ways;
mod recovery;
mod retention;
mod security_log;
mod session_limits;
mod strength_meter;
mod trail;
mod two_step_setup;
mod unverified;
