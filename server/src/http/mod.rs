//! HTTP plumbing shared by every route: health checks, request logging, body limits.

pub mod health;
pub mod layers;
