//! Facts about a host name as typed in a setting.

/// Whether `host` is this machine ("localhost", 127.0.0.0/8, ::1, with or without brackets),
/// where a connection without TLS stays unseen.
pub fn is_loopback(host: &str) -> bool {
    host.eq_ignore_ascii_case("localhost")
        || host
            .trim_start_matches('[')
            .trim_end_matches(']')
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}
