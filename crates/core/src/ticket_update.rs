//! A ticket after the wizard: what an operator can do to it ("Novo contato", a change of
//! status, "Reatribuir", "Alterar tipo", "Fechar"), the rules each follows, and the history
//! entry it leaves.
//!
//! The store reads the ticket's current [`TicketState`] inside its write transaction (and,
//! for a change of type, the new type as stored and the due time counted under it:
//! [`NewType`]), asks [`TicketAction::change`] what follows, and writes that state and
//! event, so the rules are checked against the ticket as it is, not as the screen last
//! showed it.
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use specta::Type;
use uuid::Uuid;

use crate::form::{required_text, FieldError, FieldErrors};
use crate::ticket::TicketStatus;
use crate::ticket_type::{Assignee, TicketType};

/// The fields of the ticket page's forms (the UI's `data-field`).
pub mod fields {
    /// "Novo contato": the follow-up's description.
    pub const FOLLOW_UP: &str = "novo-contato";
    /// The status chosen.
    pub const STATUS: &str = "situacao";
    /// "Reatribuir": who the ticket goes to.
    pub const ASSIGNEE: &str = "reatribuir";
    /// "Alterar tipo": the ticket's new type.
    pub const TICKET_TYPE: &str = "alterar-tipo";
    /// The ticket as a whole (closed, or gone).
    pub const TICKET: &str = "atendimento";
}

/// Why a closed ticket takes no action and no addition.
pub const CLOSED: &str = "Este atendimento está fechado e não pode mais ser alterado.";

/// The longest follow-up description, in characters.
pub const MAX_FOLLOW_UP_CHARS: usize = 4000;

/// What an operator does to a ticket.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub enum TicketAction {
    /// "Novo contato": another contact with the customer, described.
    FollowUp { description: String },
    /// Open again or resolved ("Aberto" ↔ "Resolvido").
    ChangeStatus { status: TicketStatus },
    /// "Reatribuir": to an active user or a role.
    Reassign { assignee: Assignee },
    /// "Alterar tipo": to another active type. Routing and SLA follow it: the ticket goes to
    /// the type's destination (a type destined to nobody leaves it with whom it is), and its
    /// due time is counted again from its opening with the type's SLA.
    ChangeType { ticket_type_id: Uuid },
    /// "Fechar": final; a closed ticket changes no more.
    Close,
}

/// An action on the ticket `ticket_id`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct TicketUpdate {
    pub ticket_id: Uuid,
    pub action: TicketAction,
}

/// What an action can change in a ticket.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct TicketState {
    pub status: TicketStatus,
    /// Who the ticket is assigned to, if anyone.
    pub assignee: Option<Assignee>,
    /// When it was resolved (or closed), Unix ms UTC.
    #[specta(type = Option<f64>)]
    pub resolved_at: Option<i64>,
    /// "Tipo de Atendimento", if the ticket has one: its id and name.
    pub ticket_type_id: Option<Uuid>,
    pub ticket_type_name: Option<String>,
    /// When it is due, Unix ms UTC.
    #[specta(type = Option<f64>)]
    pub due_at: Option<i64>,
}

/// Where a change of type goes, as the store read it in its transaction: the type as stored
/// and when the ticket falls due under it (its SLA counted from the ticket's opening, in the
/// provider's calendar: [`crate::business_hours::SlaCalendar::due_at`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewType {
    pub ticket_type: TicketType,
    /// Unix ms UTC.
    pub due_at: i64,
}

/// What an action does to a ticket: its state afterwards and the history entry to append.
#[derive(Debug, Clone, PartialEq)]
pub struct TicketChange {
    pub state: TicketState,
    /// The event's kind ("follow_up", "status_changed", "reassigned", "type_changed",
    /// "closed").
    pub kind: &'static str,
    /// The event's details ([`crate::ticket_history::describe`] reads them).
    pub payload: Value,
}

impl TicketAction {
    /// The action as the operator gave it, checked on its own and tidied (the description
    /// trimmed), or each reason it is refused at its field.
    pub fn validate(&self) -> Result<TicketAction, Vec<FieldError>> {
        let mut errors = FieldErrors::default();
        let action = match self {
            TicketAction::FollowUp { description } => {
                let description = required_text(
                    &mut errors,
                    fields::FOLLOW_UP,
                    "a descrição do contato",
                    description,
                    MAX_FOLLOW_UP_CHARS,
                );
                TicketAction::FollowUp {
                    description: description.unwrap_or_default(),
                }
            }
            TicketAction::ChangeStatus { status } => {
                if *status == TicketStatus::Closed {
                    errors.add(fields::STATUS, "Para fechar o atendimento, use \"Fechar\".");
                }
                self.clone()
            }
            TicketAction::Reassign { assignee } => {
                if let Err(error) = assignable(assignee) {
                    errors.add(&error.field, error.message);
                }
                self.clone()
            }
            TicketAction::ChangeType { .. } | TicketAction::Close => self.clone(),
        };
        errors.into_result(|| action)
    }

    /// What the action does to a ticket in `current` state at `now` (Unix ms), or why it
    /// cannot: a closed ticket changes no more, a status is not set to itself, a ticket is
    /// not reassigned to whom it is with nor given the type it has. A reassignment must name
    /// the assignee as stored (its name and whether the user is active), not as the screen
    /// sent it; a change of type goes to `new_type` as the store read it (`None`: the type
    /// was deactivated or removed), and is refused for a type whose tickets go to a user no
    /// longer active.
    pub fn change(
        &self,
        current: &TicketState,
        now: i64,
        new_type: Option<&NewType>,
    ) -> Result<TicketChange, FieldError> {
        if current.status == TicketStatus::Closed {
            return Err(FieldError::new(fields::TICKET, CLOSED));
        }
        let mut state = current.clone();
        let (kind, payload) = match self {
            TicketAction::FollowUp { description } => {
                ("follow_up", json!({ "description": description }))
            }
            TicketAction::ChangeStatus { status } => {
                if *status == current.status {
                    return Err(FieldError::new(
                        fields::STATUS,
                        format!("O atendimento já está {}.", status.label()),
                    ));
                }
                if *status == TicketStatus::Closed {
                    return Err(FieldError::new(
                        fields::STATUS,
                        "Para fechar o atendimento, use \"Fechar\".",
                    ));
                }
                state.status = *status;
                state.resolved_at = (*status == TicketStatus::Resolved).then_some(now);
                (
                    "status_changed",
                    json!({ "from": current.status.label(), "to": status.label() }),
                )
            }
            TicketAction::Reassign { assignee } => {
                assignable(assignee)?;
                if current
                    .assignee
                    .as_ref()
                    .is_some_and(|with| same(with, assignee))
                {
                    return Err(FieldError::new(
                        fields::ASSIGNEE,
                        format!("O atendimento já está com {}.", assignee.describe()),
                    ));
                }
                state.assignee = Some(assignee.clone());
                (
                    "reassigned",
                    json!({
                        "from": current.assignee.as_ref().map(Assignee::describe),
                        "to": assignee.describe(),
                    }),
                )
            }
            TicketAction::ChangeType { ticket_type_id } => {
                let Some(new) = new_type.filter(|new| new.ticket_type.id == *ticket_type_id) else {
                    return Err(FieldError::new(
                        fields::TICKET_TYPE,
                        "Este tipo de atendimento foi desativado ou removido: escolha outro.",
                    ));
                };
                let kind = &new.ticket_type;
                if current.ticket_type_id == Some(kind.id) {
                    return Err(FieldError::new(
                        fields::TICKET_TYPE,
                        format!("O atendimento já é do tipo {}.", kind.name),
                    ));
                }
                if !kind.is_assignable() {
                    return Err(FieldError::new(
                        fields::TICKET_TYPE,
                        "Este tipo vai para um usuário removido ou desativado: escolha outro \
                         tipo ou avise o administrador.",
                    ));
                }
                state.ticket_type_id = Some(kind.id);
                state.ticket_type_name = Some(kind.name.clone());
                state.due_at = Some(new.due_at);
                if let Some(assignee) = &kind.assignee {
                    state.assignee = Some(assignee.clone());
                }
                let moved = state.assignee != current.assignee;
                (
                    "type_changed",
                    json!({
                        "from": current.ticket_type_name,
                        "to": kind.name,
                        "from_due_at": current.due_at,
                        "to_due_at": new.due_at,
                        "assignee": if moved {
                            state.assignee.as_ref().map(Assignee::describe)
                        } else {
                            None
                        },
                    }),
                )
            }
            TicketAction::Close => {
                state.status = TicketStatus::Closed;
                state.resolved_at = current.resolved_at.or(Some(now));
                ("closed", json!({ "from": current.status.label() }))
            }
        };
        Ok(TicketChange {
            state,
            kind,
            payload,
        })
    }
}

/// Whether tickets (and tasks) can be given to `assignee`: a role, or a user still active.
pub fn assignable(assignee: &Assignee) -> Result<(), FieldError> {
    match assignee {
        Assignee::User { active: false, .. } => Err(FieldError::new(
            fields::ASSIGNEE,
            "Este usuário foi removido ou desativado: escolha outro usuário ou um cargo.",
        )),
        _ => Ok(()),
    }
}

/// Whether two assignees are the same user or the same role.
fn same(a: &Assignee, b: &Assignee) -> bool {
    match (a, b) {
        (Assignee::User { id: a, .. }, Assignee::User { id: b, .. })
        | (Assignee::Role { id: a, .. }, Assignee::Role { id: b, .. }) => a == b,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: i64 = 1_795_867_200_000;

    fn carlos(active: bool) -> Assignee {
        Assignee::User {
            id: Uuid::from_u128(1),
            name: "Carlos Lima".into(),
            active,
        }
    }

    fn n2() -> Assignee {
        Assignee::Role {
            id: Uuid::from_u128(2),
            name: "Suporte N2".into(),
        }
    }

    fn state(status: TicketStatus, assignee: Option<Assignee>) -> TicketState {
        TicketState {
            status,
            assignee,
            resolved_at: (status != TicketStatus::Open).then_some(NOW - 1),
            ticket_type_id: Some(Uuid::from_u128(10)),
            ticket_type_name: Some("Sem conexão".into()),
            due_at: Some(NOW + 4 * HOUR),
        }
    }

    const HOUR: i64 = 3_600_000;

    /// "Mudança de endereço" (id 11), destined to `assignee`, due at `due_at`.
    fn moving(assignee: Option<Assignee>, due_at: i64) -> NewType {
        NewType {
            ticket_type: TicketType {
                id: Uuid::from_u128(11),
                name: "Mudança de endereço".into(),
                assignee,
                sla_hours: 72,
                sla_calendar: false,
            },
            due_at,
        }
    }

    fn change_to(id: u128) -> TicketAction {
        TicketAction::ChangeType {
            ticket_type_id: Uuid::from_u128(id),
        }
    }

    fn refused(action: TicketAction) -> Vec<(String, String)> {
        action
            .validate()
            .expect_err("refused")
            .into_iter()
            .map(|error| (error.field, error.message))
            .collect()
    }

    #[test]
    fn a_follow_up_needs_a_description_of_at_most_4000_characters() {
        let blank = TicketAction::FollowUp {
            description: " \n ".into(),
        };
        assert_eq!(
            refused(blank),
            [(
                fields::FOLLOW_UP.to_owned(),
                "Preencha a descrição do contato.".to_owned()
            )]
        );
        let long = TicketAction::FollowUp {
            description: "é".repeat(MAX_FOLLOW_UP_CHARS + 1),
        };
        assert_eq!(
            refused(long),
            [(
                fields::FOLLOW_UP.to_owned(),
                "Use no máximo 4000 caracteres.".to_owned()
            )]
        );
        let fits = TicketAction::FollowUp {
            description: format!(" {} ", "é".repeat(MAX_FOLLOW_UP_CHARS)),
        };
        assert_eq!(
            fits.validate(),
            Ok(TicketAction::FollowUp {
                description: "é".repeat(MAX_FOLLOW_UP_CHARS)
            }),
            "trimmed, counted in characters"
        );
    }

    #[test]
    fn a_follow_up_is_written_as_typed_and_changes_nothing_else() {
        let current = state(TicketStatus::Open, Some(n2()));
        let action = TicketAction::FollowUp {
            description: "Cliente retornou: voltou a cair.".into(),
        };
        let change = action.change(&current, NOW, None).expect("allowed");
        assert_eq!(change.state, current);
        assert_eq!(change.kind, "follow_up");
        assert_eq!(
            change.payload,
            json!({ "description": "Cliente retornou: voltou a cair." })
        );
    }

    #[test]
    fn the_status_goes_between_open_and_resolved() {
        let open = state(TicketStatus::Open, None);
        let resolve = TicketAction::ChangeStatus {
            status: TicketStatus::Resolved,
        };
        let change = resolve.change(&open, NOW, None).expect("resolves");
        assert_eq!(change.state.status, TicketStatus::Resolved);
        assert_eq!(change.state.resolved_at, Some(NOW));
        assert_eq!(change.kind, "status_changed");
        assert_eq!(
            change.payload,
            json!({ "from": "Aberto", "to": "Resolvido" })
        );

        let reopen = TicketAction::ChangeStatus {
            status: TicketStatus::Open,
        };
        let change = reopen
            .change(&change.state, NOW + 1, None)
            .expect("reopens");
        assert_eq!(change.state.status, TicketStatus::Open);
        assert_eq!(change.state.resolved_at, None);

        let again = resolve
            .change(&state(TicketStatus::Resolved, None), NOW, None)
            .expect_err("already resolved");
        assert_eq!(again.field, fields::STATUS);
        assert_eq!(again.message, "O atendimento já está Resolvido.");

        let close = TicketAction::ChangeStatus {
            status: TicketStatus::Closed,
        };
        assert_eq!(refused(close.clone())[0].0, fields::STATUS);
        assert_eq!(
            close
                .change(&open, NOW, None)
                .expect_err("not this way")
                .field,
            fields::STATUS
        );
    }

    #[test]
    fn reassigning_goes_to_an_active_user_or_a_role() {
        let current = state(TicketStatus::Open, Some(n2()));
        let to_carlos = TicketAction::Reassign {
            assignee: carlos(true),
        };
        let change = to_carlos.change(&current, NOW, None).expect("reassigned");
        assert_eq!(change.state.assignee, Some(carlos(true)));
        assert_eq!(change.kind, "reassigned");
        assert_eq!(
            change.payload,
            json!({ "from": "Suporte N2 (cargo)", "to": "Carlos Lima (usuário)" })
        );

        let nobody = state(TicketStatus::Resolved, None);
        let to_role = TicketAction::Reassign { assignee: n2() };
        let change = to_role.change(&nobody, NOW, None).expect("reassigned");
        assert_eq!(change.payload["from"], Value::Null);
        assert_eq!(change.state.status, TicketStatus::Resolved, "status kept");

        let same_role = to_role
            .change(&current, NOW, None)
            .expect_err("already there");
        assert_eq!(same_role.field, fields::ASSIGNEE);
        assert_eq!(
            same_role.message,
            "O atendimento já está com Suporte N2 (cargo)."
        );

        let removed = TicketAction::Reassign {
            assignee: carlos(false),
        };
        assert_eq!(refused(removed.clone())[0].0, fields::ASSIGNEE);
        assert_eq!(
            removed
                .change(&current, NOW, None)
                .expect_err("removed")
                .field,
            fields::ASSIGNEE
        );
    }

    #[test]
    fn changing_the_type_moves_the_due_time_and_the_routing() {
        let current = state(TicketStatus::Open, Some(n2()));
        let new = moving(Some(carlos(true)), NOW + 72 * HOUR);
        let change = change_to(11)
            .change(&current, NOW, Some(&new))
            .expect("changed");
        assert_eq!(change.kind, "type_changed");
        assert_eq!(change.state.ticket_type_id, Some(Uuid::from_u128(11)));
        assert_eq!(
            change.state.ticket_type_name.as_deref(),
            Some("Mudança de endereço")
        );
        assert_eq!(change.state.due_at, Some(NOW + 72 * HOUR));
        assert_eq!(change.state.assignee, Some(carlos(true)), "routing follows");
        assert_eq!(change.state.status, TicketStatus::Open);
        assert_eq!(
            change.payload,
            json!({
                "from": "Sem conexão",
                "to": "Mudança de endereço",
                "from_due_at": NOW + 4 * HOUR,
                "to_due_at": NOW + 72 * HOUR,
                "assignee": "Carlos Lima (usuário)",
            })
        );

        // A type destined to nobody leaves the ticket with whom it is.
        let nobody = moving(None, NOW + 72 * HOUR);
        let change = change_to(11)
            .change(&current, NOW, Some(&nobody))
            .expect("changed");
        assert_eq!(change.state.assignee, Some(n2()));
        assert_eq!(change.payload["assignee"], Value::Null);

        // A resolved ticket may change type too; its resolution stays.
        let resolved = state(TicketStatus::Resolved, None);
        let change = change_to(11)
            .change(&resolved, NOW, Some(&new))
            .expect("changed");
        assert_eq!(change.state.resolved_at, Some(NOW - 1));
    }

    #[test]
    fn the_type_must_be_another_active_one_for_an_open_ticket() {
        let current = state(TicketStatus::Open, Some(n2()));
        let new = moving(None, NOW);
        let refused_at = |action: TicketAction, current: &TicketState, new: Option<&NewType>| {
            let error = action.change(current, NOW, new).expect_err("refused");
            (error.field, error.message)
        };
        let (field, message) = refused_at(change_to(11), &current, None);
        assert_eq!(field, fields::TICKET_TYPE);
        assert!(message.contains("desativado ou removido"), "{message}");
        assert_eq!(
            refused_at(change_to(12), &current, Some(&new)).0,
            fields::TICKET_TYPE,
            "not the type asked for"
        );

        let same = TicketState {
            ticket_type_id: Some(Uuid::from_u128(11)),
            ..current.clone()
        };
        assert_eq!(
            refused_at(change_to(11), &same, Some(&new)),
            (
                fields::TICKET_TYPE.to_owned(),
                "O atendimento já é do tipo Mudança de endereço.".to_owned()
            )
        );

        let to_removed_user = moving(Some(carlos(false)), NOW);
        let (field, message) = refused_at(change_to(11), &current, Some(&to_removed_user));
        assert_eq!(field, fields::TICKET_TYPE);
        assert!(message.contains("usuário removido"), "{message}");

        let closed = state(TicketStatus::Closed, None);
        assert_eq!(
            refused_at(change_to(11), &closed, Some(&new)).0,
            fields::TICKET
        );
        assert_eq!(change_to(11).validate(), Ok(change_to(11)));
    }

    #[test]
    fn closing_is_final() {
        let open = state(TicketStatus::Open, Some(n2()));
        let change = TicketAction::Close
            .change(&open, NOW, None)
            .expect("closes");
        assert_eq!(change.state.status, TicketStatus::Closed);
        assert_eq!(change.state.resolved_at, Some(NOW), "ended now");
        assert_eq!(change.payload, json!({ "from": "Aberto" }));

        let resolved = state(TicketStatus::Resolved, None);
        let change = TicketAction::Close
            .change(&resolved, NOW, None)
            .expect("closes");
        assert_eq!(change.state.resolved_at, Some(NOW - 1), "resolved earlier");

        let closed = change.state;
        for action in [
            TicketAction::FollowUp {
                description: "Mais um".into(),
            },
            TicketAction::ChangeStatus {
                status: TicketStatus::Open,
            },
            TicketAction::Reassign {
                assignee: carlos(true),
            },
            TicketAction::Close,
        ] {
            let error = action.change(&closed, NOW, None).expect_err("closed");
            assert_eq!(error.field, fields::TICKET, "{action:?}");
            assert!(error.message.contains("fechado"), "{action:?}");
        }
    }
}
