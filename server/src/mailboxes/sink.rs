//! Mail from the mailbox made support messages, each taken once.
use helpdesk_core::support_intake::IntakeMessage;
use helpdesk_intake::IncomingMessage;

use crate::intake::{self, IntakeError, Taken};
use crate::state::AppState;

/// Takes a batch of `mails` as support messages ([`helpdesk_intake::support_message`]), all
/// in one transaction; mail taken before (offered again after a dropped connection, or
/// delivered twice) is Ok and writes nothing.
pub async fn take_mails(state: &AppState, mails: Vec<IncomingMessage>) -> Result<(), IntakeError> {
    let received_at = crate::now_ms();
    let messages: Vec<IntakeMessage> = mails
        .into_iter()
        .map(|mail| helpdesk_intake::support_message(mail, received_at))
        .collect();
    let taken = intake::take_all(state, &messages).await?;
    let new = taken
        .iter()
        .filter(|taken| matches!(taken, Taken::New(_)))
        .count();
    tracing::info!(new, before = taken.len() - new, "mail taken");
    Ok(())
}
