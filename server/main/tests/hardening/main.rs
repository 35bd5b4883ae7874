//! Security hardening (ASVS level 2): each test first plays the attack that worked before the
//! rule, then checks the rule holds.

#[path = "../support/mod.rs"]
mod support;

mod ceremonies;
mod flash;
mod google_links;
mod headers;
mod idle;
mod limits;
mod links;
mod lockout;
mod metrics_labels;
mod panics;
mod recent;
mod recovery;
mod security_log;
mod session_limits;
mod trail;
mod unverified;
