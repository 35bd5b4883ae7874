//! Security hardening (ASVS level 2): each test first plays the attack that worked before the
//! rule, then checks the rule holds.

#[path = "../support/mod.rs"]
mod support;

mod breached;
mod flash;
mod google_links;
mod headers;
mod limits;
mod links;
mod lockout;
mod recent;
mod recovery;
mod session_limits;
mod strength_meter;
mod trail;
mod unverified;
