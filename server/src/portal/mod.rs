//! Support messages from the provider's customer portal: the JSON route the provider's
//! site or app posts to with its integration's key, and the public form page the provider
//! links to. Both check the message with the core's rules and store it the same way.
pub mod files;
pub mod form;
pub mod page;

use helpdesk_core::portal::PortalMessage;
use helpdesk_core::support::MessageSource;
use helpdesk_core::support_intake::{IntakeAttachment, IntakeMessage};

use crate::error::ApiError;
use crate::intake::{self, IntakeError, Taken};
use crate::state::AppState;

/// The support message a checked portal message becomes, with its decoded files;
/// `dedupe_key` makes a retried post the same message.
pub fn new_message(
    message: PortalMessage,
    attachments: Vec<IntakeAttachment>,
    dedupe_key: String,
) -> IntakeMessage {
    IntakeMessage {
        dedupe_key,
        source: MessageSource::Portal,
        email: message.email,
        sender_name: message.name,
        login: message.login,
        document: message.document,
        subject: message.subject,
        body: message.text,
        quoted: String::new(),
        rfc_message_id: String::new(),
        rfc_references: String::new(),
        received_at: crate::now_ms(),
        attachments,
    }
}

/// Stores `message` as a support message, unless it was taken before.
pub async fn take(state: &AppState, message: &IntakeMessage) -> Result<Taken, ApiError> {
    match intake::take(state, message).await {
        Ok(taken) => Ok(taken),
        Err(IntakeError::Database(error)) => Err(error.into()),
        Err(IntakeError::Schema) => {
            tracing::error!("a portal message does not fit support_messages");
            Err(ApiError::internal())
        }
    }
}
