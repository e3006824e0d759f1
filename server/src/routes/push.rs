//! `POST /v1/push`: a desktop's changed rows, merged into the server's in one transaction.
//! Each row is judged alone: a row the server will not take is refused (named in
//! [`PushResponse::refused`] with its code and a pt-BR message) and the rest is merged.
use std::collections::HashSet;

use axum::extract::State;
use axum::Json;
use helpdesk_core::clock;
use helpdesk_core::sync::{
    administers, administration_changed, check_row, is_sha256_hex, FieldValue, MergeOutcome,
    PushRequest, PushResponse, RefusedRow, RowProblem, RowRefusal, SyncErrorBody, SyncRow,
    SyncTable, BLOB_TABLES, HISTORY_TABLES, SETTLEMENT_ORIGIN,
};
use uuid::Uuid;

use crate::auth::Device;
use crate::error::{is_retryable, ApiError};
use crate::extract::JsonBody;
use crate::intake::SERVER_ORIGIN;
use crate::repo::{blobs, devices, protocols, rows};
use crate::state::AppState;
use crate::validate;

/// How often a push is tried again when PostgreSQL aborts it for a deadlock or a
/// serialization failure (the merge is idempotent, so trying again is safe).
const ATTEMPTS: usize = 5;

/// Merges every row the server takes and names the others; only a failure of the request
/// as a whole (too many rows, unparseable, unauthenticated) refuses it all.
#[utoipa::path(
    post,
    path = "/v1/push",
    tag = "sync",
    security(("desktop" = [])),
    request_body = PushRequest,
    responses(
        (status = 200, description = "Merged: how many rows changed, and each row refused with its reason.", body = PushResponse),
        (status = 400, description = "`corrupted_request`: the body is not a push (or not `application/json`).", body = SyncErrorBody),
        (status = 401, description = "`device_unknown`: no credential, or one the server does not know.", body = SyncErrorBody),
        (status = 403, description = "`device_revoked`: the administrator revoked this desktop.", body = SyncErrorBody),
        (status = 413, description = "`batch_too_large` (more than 1,000 rows) or `payload_too_large` (a body over 64 MiB).", body = SyncErrorBody),
    )
)]
pub async fn push(
    device: Device,
    State(state): State<AppState>,
    JsonBody(request): JsonBody<PushRequest>,
) -> Result<Json<PushResponse>, ApiError> {
    validate::batch(&request.rows)?;
    let mut attempt = 1;
    loop {
        match apply(&state, device, &request.rows).await {
            Err(error) if is_retryable(&error) && attempt < ATTEMPTS => {
                tracing::info!(error = %error, attempt, "push aborted by PostgreSQL, trying again");
                attempt += 1;
            }
            Err(error) => return Err(error.into()),
            Ok(judged) => {
                let count = |wanted: MergeOutcome| {
                    let count = judged
                        .iter()
                        .filter(|judgement| matches!(judgement, Ok(outcome) if *outcome == wanted))
                        .count();
                    u32::try_from(count).unwrap_or(u32::MAX)
                };
                return Ok(Json(PushResponse {
                    changed: count(MergeOutcome::Changed),
                    unchanged: count(MergeOutcome::Unchanged),
                    refused: judged.into_iter().filter_map(Result::err).collect(),
                    server_time_ms: crate::now_ms(),
                }));
            }
        }
    }
}

/// What became of one pushed row.
type Judgement = Result<MergeOutcome, RefusedRow>;

/// Everything a row is judged against, read once for the batch.
struct Context {
    device: Device,
    /// The origin every field the device writes carries ([`devices::origin`]).
    origin: Uuid,
    now_ms: i64,
    administrator_roles: HashSet<Uuid>,
    held_blobs: HashSet<String>,
}

async fn apply(
    state: &AppState,
    device: Device,
    batch: &[SyncRow],
) -> Result<Vec<Judgement>, sqlx::Error> {
    let mut tx = state.pool().begin().await?;
    // Whether a user administers is decided by the roles as the server holds them.
    let administrator_roles = if batch
        .iter()
        .any(|row| row.table == "users" || row.table == "roles")
    {
        rows::administrator_roles(&mut *tx).await?
    } else {
        HashSet::new()
    };
    // The users of a role whose `is_administrator` the batch may change are locked too: if
    // it changes, their password hash is given a new version ([`administration_changes`]).
    let roles: Vec<Uuid> = batch
        .iter()
        .filter(|row| row.table == "roles" && row.fields.contains_key("is_administrator"))
        .map(|row| row.id)
        .collect();
    let users: Vec<(&str, Uuid)> = rows::users_of_roles(&mut *tx, &roles)
        .await?
        .into_iter()
        .map(|user| ("users", user))
        .collect();
    // Only rows of tables that sync are locked (the others are refused unread), so a table
    // name PostgreSQL cannot hold (a NUL inside) is that row's problem, not the batch's.
    let keys: Vec<(&str, Uuid)> = batch
        .iter()
        .filter(|row| !row.fields.is_empty() && SyncTable::named(&row.table).is_some())
        .map(|row| (row.table.as_str(), row.id))
        .chain(users)
        .collect();
    let mut locked = rows::lock(&mut tx, &[], &keys).await?;
    // The files named by the rows as pushed and as held: a row is judged merged, and its
    // hash may be the one held.
    let hashes: Vec<String> = batch
        .iter()
        .chain(locked.rows())
        .filter(|row| BLOB_TABLES.contains(&row.table.as_str()))
        .filter_map(|row| match row.value("content_hash") {
            // Only well-formed hashes are looked up: others are refused by the rules, and
            // PostgreSQL cannot even be asked about one holding a NUL.
            Some(FieldValue::Text(hash)) if is_sha256_hex(hash) => Some(hash.clone()),
            _ => None,
        })
        .collect();
    let context = Context {
        device,
        origin: devices::origin(&mut *tx, device.id).await?,
        now_ms: crate::now_ms(),
        administrator_roles,
        held_blobs: blobs::held(&mut *tx, &hashes).await?,
    };
    let mut judged: Vec<Judgement> = Vec::with_capacity(batch.len());
    for row in batch {
        judged.push(match judge(&context, row, &locked) {
            Ok(Some(merged)) => {
                locked.set(merged);
                Ok(MergeOutcome::Changed)
            }
            Ok(None) => Ok(MergeOutcome::Unchanged),
            Err(refusal) => Err(refusal.refused(row)),
        });
    }

    // Every ticket keeps its protocol for itself: claimed for it if free, refused (and
    // left as stored) if another ticket or desktop holds it.
    let claims: Vec<(String, Uuid)> = locked
        .rows()
        .into_iter()
        .filter(|row| row.table == "tickets")
        .filter_map(|row| match row.value("protocol") {
            Some(FieldValue::Text(protocol)) if !protocol.is_empty() => {
                Some((protocol.clone(), row.id))
            }
            _ => None,
        })
        .collect();
    for (protocol, ticket) in protocols::claim_for_tickets(&mut tx, device.id, &claims).await? {
        locked.revert("tickets", ticket);
        for (row, judgement) in batch.iter().zip(judged.iter_mut()) {
            if row.table == "tickets" && row.id == ticket {
                *judgement = Err(RowRefusal::ProtocolTaken(protocol.clone()).refused(row));
            }
        }
    }

    administration_changes(&mut locked, &context.administrator_roles);
    rows::write(&mut tx, locked).await?;
    tx.commit().await?;
    Ok(judged)
}

/// Every locked user who starts or stops administering with this batch (a new role, or
/// their role's `is_administrator` changed) gets a new version of their password hash
/// ([`administration_changed`]), so every service desktop takes the field again: withheld
/// for one promoted, the real hash for one demoted. `before` holds the roles that
/// administered before the batch.
fn administration_changes(locked: &mut rows::Locked, before: &HashSet<Uuid>) {
    let mut after = before.clone();
    for role in locked.rows().into_iter().filter(|row| row.table == "roles") {
        if role.value("is_administrator") == Some(&FieldValue::Integer(1)) {
            after.insert(role.id);
        } else {
            after.remove(&role.id);
        }
    }
    let changed: Vec<SyncRow> = locked
        .rows()
        .into_iter()
        .filter(|user| user.table == "users")
        .filter_map(|user| {
            // A new user reaches every desktop whole anyway.
            let stored = locked
                .stored(user)
                .filter(|stored| !stored.fields.is_empty())?;
            (administers(stored, before) != administers(user, &after)).then(|| {
                let mut user = user.clone();
                administration_changed(&mut user, SERVER_ORIGIN);
                user
            })
        })
        .collect();
    for user in changed {
        locked.set(user);
    }
}

/// What `row` makes of the row the batch left so far: `None` when nothing newer came,
/// the merged row when the server takes it, or why it refuses it.
///
/// - Its shape: a known table, known columns, values of their kinds, merge groups whole.
/// - What the desktop's profile may write ([`DesktopProfile::writable`]): a service
///   desktop's `users` rows only by their password fields.
/// - Each field it changes: stamped at most [`clock::MAX_STAMP_AHEAD_MS`] ahead of the
///   server's clock, and written by the pushing desktop (its version's origin is set to the
///   device's, whatever the request said, but for [`SETTLEMENT_ORIGIN`]: the rename that
///   settles a unique value, made alike by every node that finds the clash).
/// - Once merged: the table's rules, history never rewritten, attachments' files held.
///
/// [`DesktopProfile::writable`]: helpdesk_core::sync::DesktopProfile::writable
fn judge(
    context: &Context,
    row: &SyncRow,
    locked: &rows::Locked,
) -> Result<Option<SyncRow>, RowRefusal> {
    match check_row(row) {
        Ok(()) | Err(RowProblem::Broken(_)) => {}
        Err(problem) => return Err(RowRefusal::Corrupted(problem)),
    }
    let (Some(stored), Some(current)) = (locked.stored(row), locked.current(row)) else {
        // Only a row without fields is not locked: it brings nothing.
        return Ok(None);
    };
    let profile = context.device.profile;
    let mut admitted = profile
        .writable(row, Some(stored), &context.administrator_roles)
        .map_err(|refusal| RowRefusal::Access(profile, refusal))?
        .into_owned();
    for (name, field) in &mut admitted.fields {
        let newer = current
            .fields
            .get(name)
            .is_none_or(|held| field.version > held.version);
        if newer {
            if clock::is_ahead(field.version.stamp, context.now_ms) {
                return Err(RowRefusal::StampInFuture(name.clone()));
            }
            // The settling rename is every node's alike: it keeps its origin.
            if field.version.origin != SETTLEMENT_ORIGIN {
                field.version.origin = context.origin;
            }
        }
    }
    let mut merged = current.clone();
    if merged.merge(&admitted) == MergeOutcome::Unchanged {
        return Ok(None);
    }
    check_row(&merged).map_err(RowRefusal::Rule)?;
    if HISTORY_TABLES.contains(&row.table.as_str()) && !current.fields.is_empty() {
        return Err(RowRefusal::HistoryRewrite);
    }
    if BLOB_TABLES.contains(&row.table.as_str()) {
        if let Some(FieldValue::Text(hash)) = merged.value("content_hash") {
            if !context.held_blobs.contains(hash) {
                return Err(RowRefusal::UnknownBlob(hash.clone()));
            }
        }
    }
    Ok(Some(merged))
}
