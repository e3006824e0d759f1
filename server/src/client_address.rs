//! The client's address, for the per-address limits ([`crate::limiter`]): the TCP peer's,
//! or, when the peer is a trusted proxy (`HELPDESK_SERVER_TRUSTED_PROXIES`), the address the
//! proxy appended last to `X-Forwarded-For`. Entries before it are the client's own words
//! and never read.
use std::net::{IpAddr, SocketAddr};

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;
use axum::http::HeaderMap;

use crate::state::AppState;

/// The header a trusted proxy appends the client's address to.
pub const FORWARDED_FOR: &str = "x-forwarded-for";

/// The client's address as seen from `peer` with these `headers`.
pub fn client_address(peer: IpAddr, headers: &HeaderMap, trusted_proxies: &[IpAddr]) -> IpAddr {
    if !trusted_proxies.contains(&peer) {
        return peer;
    }
    headers
        .get_all(FORWARDED_FOR)
        .iter()
        .next_back()
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.rsplit(',').next())
        .and_then(|last| last.trim().parse().ok())
        .unwrap_or(peer)
}

/// The request's client address ([`client_address`]); `None` when the server does not
/// know the peer (a router served without connect info).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClientAddress(pub Option<IpAddr>);

impl FromRequestParts<AppState> for ClientAddress {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<ClientAddress, Self::Rejection> {
        Ok(ClientAddress(
            parts
                .extensions
                .get::<ConnectInfo<SocketAddr>>()
                .map(|ConnectInfo(peer)| {
                    client_address(peer.ip(), &parts.headers, state.trusted_proxies())
                }),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PROXY: IpAddr = IpAddr::V4(std::net::Ipv4Addr::new(10, 0, 0, 1));
    const CLIENT: IpAddr = IpAddr::V4(std::net::Ipv4Addr::new(198, 51, 100, 7));

    fn forwarded(values: &[&str]) -> HeaderMap {
        let mut headers = HeaderMap::new();
        for value in values {
            headers.append(FORWARDED_FOR, value.parse().expect("header value"));
        }
        headers
    }

    #[test]
    fn only_a_trusted_proxy_is_believed_and_only_its_own_entry() {
        let headers = forwarded(&["203.0.113.9, 198.51.100.7"]);
        assert_eq!(client_address(PROXY, &headers, &[PROXY]), CLIENT);
        assert_eq!(client_address(CLIENT, &headers, &[PROXY]), CLIENT);
        assert_eq!(client_address(PROXY, &headers, &[]), PROXY);
        let two = forwarded(&["203.0.113.9", "198.51.100.7"]);
        assert_eq!(client_address(PROXY, &two, &[PROXY]), CLIENT);
        assert_eq!(
            client_address(PROXY, &forwarded(&["junk"]), &[PROXY]),
            PROXY
        );
        assert_eq!(client_address(PROXY, &HeaderMap::new(), &[PROXY]), PROXY);
        let v6 = forwarded(&["2001:db8::1"]);
        assert_eq!(
            client_address(PROXY, &v6, &[PROXY]),
            "2001:db8::1".parse::<IpAddr>().expect("v6")
        );
    }
}
