//! `protocol_claims`: which desktop, and then which ticket, a protocol belongs to.
//!
//! Claims are taken in protocol order so concurrent transactions wait on each other in
//! the same order (no deadlock).
use std::collections::BTreeMap;

use sqlx::PgConnection;
use uuid::Uuid;

/// Claims `protocols` (issued by a desktop before it registered) for `device`. Returns
/// the first one that was already claimed, if any; the caller then rolls back.
pub async fn claim_issued(
    conn: &mut PgConnection,
    device: Uuid,
    protocols: &[String],
) -> Result<Option<String>, sqlx::Error> {
    let mut wanted: Vec<&str> = protocols.iter().map(String::as_str).collect();
    wanted.sort_unstable();
    wanted.dedup();
    if wanted.is_empty() {
        return Ok(None);
    }
    let claimed: Vec<String> = sqlx::query_scalar(
        "INSERT INTO protocol_claims (protocol, device_id)
         SELECT p, $2 FROM unnest($1::text[]) AS p ORDER BY p
         ON CONFLICT (protocol) DO NOTHING
         RETURNING protocol",
    )
    .bind(&wanted)
    .bind(device)
    .fetch_all(&mut *conn)
    .await?;
    Ok(wanted
        .iter()
        .find(|protocol| !claimed.iter().any(|claimed| claimed == *protocol))
        .map(|protocol| (*protocol).to_owned()))
}

/// Claims each protocol for its ticket: free ones for `device`, ones `device` reserved at
/// registration get their ticket. Answers the (protocol, ticket) pairs refused: the
/// protocol belongs to another ticket (or another desktop), or to another ticket of the
/// same batch (the smallest ticket id keeps it). Claims of the others stay.
pub async fn claim_for_tickets(
    conn: &mut PgConnection,
    device: Uuid,
    claims: &[(String, Uuid)],
) -> Result<Vec<(String, Uuid)>, sqlx::Error> {
    let mut sorted: Vec<&(String, Uuid)> = claims.iter().collect();
    sorted.sort_unstable();
    sorted.dedup();
    let mut wanted: BTreeMap<&str, Uuid> = BTreeMap::new();
    let mut refused = Vec::new();
    for (protocol, ticket) in sorted {
        if wanted.contains_key(protocol.as_str()) {
            refused.push((protocol.clone(), *ticket));
        } else {
            wanted.insert(protocol, *ticket);
        }
    }
    if wanted.is_empty() {
        return Ok(refused);
    }
    let protocols: Vec<&str> = wanted.keys().copied().collect();
    let tickets: Vec<Uuid> = wanted.values().copied().collect();
    sqlx::query(
        "INSERT INTO protocol_claims AS c (protocol, device_id, ticket_id)
         SELECT p, $3, t FROM unnest($1::text[], $2::uuid[]) AS w(p, t) ORDER BY p
         ON CONFLICT (protocol) DO UPDATE SET ticket_id = EXCLUDED.ticket_id
         WHERE c.ticket_id IS NULL AND c.device_id = EXCLUDED.device_id",
    )
    .bind(&protocols)
    .bind(&tickets)
    .bind(device)
    .execute(&mut *conn)
    .await?;
    let taken: Vec<(String, Uuid)> = sqlx::query_as(
        "SELECT w.p, w.t FROM unnest($1::text[], $2::uuid[]) AS w(p, t)
         JOIN protocol_claims AS c ON c.protocol = w.p
         WHERE c.ticket_id IS DISTINCT FROM w.t
         ORDER BY w.p",
    )
    .bind(&protocols)
    .bind(&tickets)
    .fetch_all(&mut *conn)
    .await?;
    refused.extend(taken);
    Ok(refused)
}
