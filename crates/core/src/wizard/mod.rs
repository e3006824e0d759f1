//! The "Novo Atendimento" wizard: its origins, its steps, and the draft that walks them.
mod draft;

pub use draft::{fields, SavedDraft, ScriptProgress, WizardDraft, MAX_PROBLEM_CHARS};

use serde::{Deserialize, Serialize};
use specta::Type;

/// Where the contact came from ("Origem").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
pub enum Origin {
    Support,
    Phone,
    InPerson,
    Email,
    Chat,
}

impl Origin {
    /// Every origin, in the order the UI offers them.
    pub const ALL: [Origin; 5] = [
        Origin::Support,
        Origin::Phone,
        Origin::InPerson,
        Origin::Email,
        Origin::Chat,
    ];

    /// The value stored in `tickets.origin` (its name in the code, as the first tickets
    /// were written).
    pub fn stored(self) -> &'static str {
        match self {
            Origin::Support => "Support",
            Origin::Phone => "Phone",
            Origin::InPerson => "InPerson",
            Origin::Email => "Email",
            Origin::Chat => "Chat",
        }
    }

    /// The origin stored as `stored`.
    pub fn from_stored(stored: &str) -> Option<Origin> {
        Origin::ALL
            .into_iter()
            .find(|origin| origin.stored() == stored)
    }

    /// The pt-BR label shown to the operator.
    pub fn label(self) -> &'static str {
        match self {
            Origin::Support => "Suporte",
            Origin::Phone => "Telefone",
            Origin::InPerson => "Presencial",
            Origin::Email => "E-mail",
            Origin::Chat => "Chat",
        }
    }

    /// The step after "Origem": online support and e-mail go through their messages first.
    pub fn next_step(self) -> Step {
        match self {
            Origin::Support | Origin::Email => Step::Filters,
            Origin::Phone | Origin::InPerson | Origin::Chat => Step::FindCustomer,
        }
    }
}

/// A step of the wizard, as listed in its side bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
pub enum Step {
    Origin,
    Filters,
    FindMessage,
    FindCustomer,
    CustomerData,
    TicketData,
    Script,
    ScriptReport,
    FirstContact,
    Attachment,
    WorkOrder,
    Resolved,
    SendEmail,
    Task,
}

impl Step {
    /// Every step, in side-bar order.
    pub const ALL: [Step; 14] = [
        Step::Origin,
        Step::Filters,
        Step::FindMessage,
        Step::FindCustomer,
        Step::CustomerData,
        Step::TicketData,
        Step::Script,
        Step::ScriptReport,
        Step::FirstContact,
        Step::Attachment,
        Step::WorkOrder,
        Step::Resolved,
        Step::SendEmail,
        Step::Task,
    ];

    /// The short pt-BR name in the side bar.
    pub fn label(self) -> &'static str {
        match self {
            Step::Origin => "Origem",
            Step::Filters => "Filtros",
            Step::FindMessage => "Localizar Reg.",
            Step::FindCustomer => "Localizar Cliente",
            Step::CustomerData => "Dados Cliente",
            Step::TicketData => "Dados Atend.",
            Step::Script => "Script",
            Step::ScriptReport => "Rel. Script",
            Step::FirstContact => "Prim. Contato",
            Step::Attachment => "Anexo",
            Step::WorkOrder => "Ord. Serviço",
            Step::Resolved => "Atend. Resolvido",
            Step::SendEmail => "Enviar E-mail",
            Step::Task => "Tarefa",
        }
    }

    /// The step "Avançar" leads to from this one, for a ticket of `origin`; `None` where the
    /// route is not built yet.
    pub fn next(self, origin: Origin) -> Option<Step> {
        match self {
            Step::Origin => Some(origin.next_step()),
            Step::Filters => Some(Step::FindMessage),
            Step::FindMessage => Some(Step::FindCustomer),
            Step::FindCustomer => Some(Step::CustomerData),
            Step::CustomerData => Some(Step::TicketData),
            Step::TicketData => Some(Step::Script),
            Step::Script => Some(Step::ScriptReport),
            Step::ScriptReport => Some(Step::FirstContact),
            _ => None,
        }
    }

    /// Steps taken only when the operator asks for them from "Prim. Contato".
    pub fn is_optional(self) -> bool {
        matches!(
            self,
            Step::Attachment | Step::WorkOrder | Step::Resolved | Step::SendEmail | Step::Task
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_origin_is_read_back_as_stored() {
        for origin in Origin::ALL {
            assert_eq!(origin.stored(), format!("{origin:?}"));
            assert_eq!(Origin::from_stored(origin.stored()), Some(origin));
        }
        assert_eq!(Origin::from_stored("Fax"), None);
    }

    #[test]
    fn support_and_email_go_through_filters_and_others_skip_them() {
        let through_messages = [Origin::Support, Origin::Email];
        for origin in Origin::ALL {
            let expected = if through_messages.contains(&origin) {
                Step::Filters
            } else {
                Step::FindCustomer
            };
            assert_eq!(origin.next_step(), expected, "{origin:?}");
        }
    }

    #[test]
    fn side_bar_lists_the_manual_names_in_order() {
        let labels: Vec<_> = Step::ALL.iter().map(|s| s.label()).collect();
        assert_eq!(labels[0], "Origem");
        assert_eq!(labels[3], "Localizar Cliente");
        assert_eq!(Step::ALL.iter().filter(|s| s.is_optional()).count(), 5);
    }
}
