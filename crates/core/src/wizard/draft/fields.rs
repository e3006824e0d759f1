//! Field names of the messages "Avançar" shows, shared with the UI, and the step that shows
//! each field.
use crate::wizard::Step;
use crate::{attachment, task};

pub const ORIGIN: &str = "origem";
pub const MESSAGE: &str = "mensagem";
pub const CUSTOMER: &str = "cliente";
pub const PLAN: &str = "plano";
pub const PROBLEM: &str = "problema";
pub const SCRIPT: &str = "script";
pub const FIRST_CONTACT: &str = "primeiro-contato";
pub const TICKET_TYPE: &str = "tipo-atendimento";

/// The step whose screen shows `field`, to take the operator there when the ticket
/// cannot be saved because of it.
pub fn step_of(field: &str) -> Option<Step> {
    Some(match field {
        ORIGIN => Step::Origin,
        MESSAGE => Step::FindMessage,
        CUSTOMER => Step::FindCustomer,
        PLAN | PROBLEM => Step::TicketData,
        SCRIPT => Step::Script,
        FIRST_CONTACT | TICKET_TYPE => Step::FirstContact,
        task::fields::TITLE
        | task::fields::DESCRIPTION
        | task::fields::ASSIGNEE
        | task::fields::DUE => Step::Task,
        _ if field == attachment::FIELD || field.starts_with("anexo-") => Step::Attachment,
        _ if field.starts_with("os-") => Step::WorkOrder,
        _ if field.starts_with("email-") => Step::SendEmail,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The module's own name, so the assertions read as they did where it was inline.
    use crate::wizard::fields;

    #[test]
    fn every_field_a_save_can_refuse_has_its_step() {
        assert_eq!(fields::step_of(fields::PROBLEM), Some(Step::TicketData));
        assert_eq!(
            fields::step_of(fields::TICKET_TYPE),
            Some(Step::FirstContact)
        );
        assert_eq!(fields::step_of("tarefa-prazo"), Some(Step::Task));
        assert_eq!(fields::step_of("anexo"), Some(Step::Attachment));
        assert_eq!(
            fields::step_of("anexo-observacoes-3"),
            Some(Step::Attachment)
        );
        assert_eq!(
            fields::step_of(crate::work_order_form::fields::END),
            Some(Step::WorkOrder)
        );
        assert_eq!(
            fields::step_of(crate::email::fields::RECIPIENTS),
            Some(Step::SendEmail)
        );
        assert_eq!(fields::step_of("protocolo"), None);
    }
}
