//! The client's address. Behind a load balancer the TCP peer is the balancer, so per-IP limits
//! and the device list would see one address for everyone. With `TRUSTED_PROXY_HOPS` = n (the
//! number of proxies in front that each append the address they saw to `X-Forwarded-For`),
//! the client is the n-th entry from the right: entries further left were written by the
//! client itself and are never trusted. Unset (0), the header is ignored.

use std::net::{IpAddr, SocketAddr};

use axum::http::HeaderMap;

/// The address to attribute a request to; the peer when no proxy is trusted or the header
/// does not carry one entry per trusted proxy (the request bypassed one of them).
pub fn client_ip(peer: Option<IpAddr>, headers: &HeaderMap, trusted_hops: u32) -> Option<IpAddr> {
    if trusted_hops == 0 {
        return peer;
    }
    let entries: Vec<&str> = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(str::trim)
        .collect();
    let Some(index) = entries.len().checked_sub(trusted_hops as usize) else {
        return peer;
    };
    parse(entries[index]).or(peer)
}

/// `1.2.3.4`, `1.2.3.4:567`, `::1` or `[::1]:567`.
fn parse(entry: &str) -> Option<IpAddr> {
    entry
        .parse::<IpAddr>()
        .ok()
        .or_else(|| entry.parse::<SocketAddr>().ok().map(|s| s.ip()))
        .or_else(|| entry.trim_start_matches('[').trim_end_matches(']').parse().ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(values: &[&str]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for v in values {
            h.append("x-forwarded-for", v.parse().unwrap());
        }
        h
    }

    #[test]
    fn the_header_counts_only_when_proxies_are_trusted() {
        let peer: Option<IpAddr> = Some("10.0.0.1".parse().unwrap());
        let ip = |s: &str| Some(s.parse::<IpAddr>().unwrap());
        let spoofed = headers(&["6.6.6.6, 203.0.113.7"]);
        assert_eq!(client_ip(peer, &spoofed, 0), peer, "ignored by default");
        assert_eq!(client_ip(peer, &spoofed, 1), ip("203.0.113.7"), "the entry our proxy added");
        assert_eq!(client_ip(peer, &spoofed, 2), ip("6.6.6.6"));
        assert_eq!(client_ip(peer, &spoofed, 3), peer, "fewer entries than proxies: the peer");
        assert_eq!(client_ip(peer, &headers(&["1.1.1.1", "2001:db8::1"]), 1), ip("2001:db8::1"));
        assert_eq!(client_ip(peer, &headers(&["[2001:db8::2]:443"]), 1), ip("2001:db8::2"));
        assert_eq!(client_ip(peer, &headers(&["198.51.100.4:5000"]), 1), ip("198.51.100.4"));
        assert_eq!(client_ip(peer, &headers(&["unknown"]), 1), peer, "garbage: the peer");
        assert_eq!(client_ip(peer, &HeaderMap::new(), 1), peer);
    }
}
