//! The "Novo Contato" form's state and reducer: what is typed, the checks of "Salvar" and the
//! shell's refusal, each message at its field. No DOM and no IPC.
use std::rc::Rc;

use helpdesk_api::{CommandError, NewContact, Uuid};
use helpdesk_core::contact::fields;
use yew::Reducible;

use crate::components::message_at;

/// A field of the form; `field as usize` is its place in [`ContactField::ALL`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContactField {
    Name,
    Phone,
    Email,
    Relation,
}

impl ContactField {
    /// Every field, in the form's order.
    pub const ALL: [ContactField; 4] = [
        ContactField::Name,
        ContactField::Phone,
        ContactField::Email,
        ContactField::Relation,
    ];

    /// The field's name in the core's errors (`helpdesk_core::contact::fields`).
    pub fn name(self) -> &'static str {
        match self {
            ContactField::Name => fields::NAME,
            ContactField::Phone => fields::PHONE,
            ContactField::Email => fields::EMAIL,
            ContactField::Relation => fields::RELATION,
        }
    }
}

/// The form as typed, and what became of the last "Salvar".
#[derive(Debug, Clone, PartialEq)]
pub struct ContactForm {
    pub contact: NewContact,
    /// Why the last "Salvar" was refused, at each field (or at none).
    pub errors: Vec<CommandError>,
    /// "Salvar" is on its way.
    pub saving: bool,
    /// Raised on every refusal, so the focus goes to the first wrong field each time.
    pub refusals: u32,
    /// The contact as checked, to send to the shell, once "Salvar" passed the checks.
    pub outgoing: Option<NewContact>,
    /// Raised on every send, so each one is sent once.
    pub sends: u32,
}

impl ContactForm {
    pub fn new(customer_id: Uuid) -> Self {
        Self {
            contact: NewContact {
                customer_id,
                ..NewContact::default()
            },
            errors: Vec::new(),
            saving: false,
            refusals: 0,
            outgoing: None,
            sends: 0,
        }
    }

    /// The first field, in the form's order, with a message.
    pub fn first_wrong_field(&self) -> Option<ContactField> {
        ContactField::ALL
            .into_iter()
            .find(|field| message_at(&self.errors, field.name()).is_some())
    }
}

/// A change to [`ContactForm`].
#[derive(Debug, Clone, PartialEq)]
pub enum ContactAction {
    /// The operator typed in a field: its message goes away.
    Edit(ContactField, String),
    /// "Salvar": checks the form as it is now; sends it, or says every reason at its field.
    Submit,
    /// The shell refused the contact.
    Refused(CommandError),
}

impl Reducible for ContactForm {
    type Action = ContactAction;

    fn reduce(self: Rc<Self>, action: ContactAction) -> Rc<Self> {
        let mut form = (*self).clone();
        match action {
            ContactAction::Edit(field, value) => {
                let contact = &mut form.contact;
                let slot = match field {
                    ContactField::Name => &mut contact.name,
                    ContactField::Phone => &mut contact.phone,
                    ContactField::Email => &mut contact.email,
                    ContactField::Relation => &mut contact.relation,
                };
                *slot = value;
                form.errors
                    .retain(|error| error.field.as_deref() != Some(field.name()));
                // "Informe um telefone ou um e-mail" is said at the phone, but typing an
                // e-mail answers it too.
                if field == ContactField::Email {
                    form.errors.retain(|error| {
                        error.field.as_deref() != Some(fields::PHONE)
                            || !form.contact.phone.trim().is_empty()
                    });
                }
            }
            ContactAction::Submit if form.saving => return self,
            ContactAction::Submit => match form.contact.validate() {
                Ok(contact) => {
                    form.errors.clear();
                    form.saving = true;
                    form.outgoing = Some(contact);
                    form.sends += 1;
                }
                Err(errors) => {
                    form.errors = errors.into_iter().map(CommandError::from).collect();
                    form.refusals += 1;
                }
            },
            ContactAction::Refused(error) => {
                form.errors = vec![error];
                form.saving = false;
                form.refusals += 1;
            }
        }
        Rc::new(form)
    }
}

#[cfg(test)]
mod tests {
    use helpdesk_api::ErrorCode;

    use super::*;
    use crate::components::unplaced_message;

    fn form() -> Rc<ContactForm> {
        Rc::new(ContactForm::new(Uuid::from_u128(7)))
    }

    fn edit(form: Rc<ContactForm>, field: ContactField, value: &str) -> Rc<ContactForm> {
        form.reduce(ContactAction::Edit(field, value.into()))
    }

    fn submit(form: Rc<ContactForm>) -> Rc<ContactForm> {
        form.reduce(ContactAction::Submit)
    }

    fn fields_of(form: &ContactForm) -> Vec<&str> {
        form.errors
            .iter()
            .filter_map(|error| error.field.as_deref())
            .collect()
    }

    fn valid() -> Rc<ContactForm> {
        let form = edit(form(), ContactField::Name, "  Ana Souza ");
        let form = edit(form, ContactField::Phone, "19987654321");
        edit(form, ContactField::Relation, "Familiar")
    }

    #[test]
    fn fields_are_numbered_in_the_forms_order() {
        for (index, field) in ContactField::ALL.into_iter().enumerate() {
            assert_eq!(field as usize, index);
        }
    }

    #[test]
    fn every_wrong_field_gets_its_message_and_the_first_takes_the_focus() {
        let form = submit(edit(form(), ContactField::Email, "maria@"));
        assert_eq!(
            fields_of(&form),
            [fields::NAME, fields::RELATION, fields::EMAIL]
        );
        assert_eq!(form.first_wrong_field(), Some(ContactField::Name));
        assert_eq!((form.refusals, form.sends, form.saving), (1, 0, false));
        assert_eq!(form.outgoing, None, "nothing is sent");
        assert_eq!(form.contact.email, "maria@", "what was typed is kept");
        assert_eq!(form.contact.customer_id, Uuid::from_u128(7));
    }

    #[test]
    fn editing_a_field_clears_only_its_message() {
        let form = submit(edit(form(), ContactField::Email, "maria@"));
        let form = edit(form, ContactField::Relation, "Cônjuge");
        assert_eq!(fields_of(&form), [fields::NAME, fields::EMAIL]);
        let form = edit(form, ContactField::Name, "Maria");
        assert_eq!(fields_of(&form), [fields::EMAIL]);
        assert_eq!(form.first_wrong_field(), Some(ContactField::Email));
    }

    #[test]
    fn an_email_answers_the_missing_phone_or_email() {
        let form = edit(form(), ContactField::Name, "Maria");
        let form = submit(edit(form, ContactField::Relation, "Cônjuge"));
        assert_eq!(fields_of(&form), [fields::PHONE]);
        let form = edit(form, ContactField::Email, "m");
        assert!(form.errors.is_empty());

        // A wrong phone stays wrong whatever the e-mail.
        let form = submit(edit(form, ContactField::Phone, "123"));
        assert_eq!(fields_of(&form), [fields::PHONE, fields::EMAIL]);
        let form = edit(form, ContactField::Email, "maria@example.com");
        assert_eq!(fields_of(&form), [fields::PHONE]);
    }

    #[test]
    fn a_valid_contact_is_sent_once_as_checked() {
        let form = submit(valid());
        assert!(form.saving);
        assert_eq!(form.sends, 1);
        let outgoing = form.outgoing.clone().expect("sent");
        assert_eq!(outgoing.name, "Ana Souza");
        assert_eq!(outgoing.phone, "(19) 98765-4321");
        assert_eq!(outgoing.customer_id, Uuid::from_u128(7));
        assert_eq!(
            form.contact.name, "  Ana Souza ",
            "the form keeps what was typed"
        );

        let again = submit(form.clone());
        assert!(
            Rc::ptr_eq(&form, &again),
            "Salvar while saving does nothing"
        );
    }

    #[test]
    fn a_refused_save_keeps_the_form_and_says_why() {
        let form = submit(valid()).reduce(ContactAction::Refused(CommandError::internal()));
        assert!(!form.saving);
        assert_eq!(form.contact.relation, "Familiar");
        assert_eq!(form.first_wrong_field(), None);
        assert_eq!(form.errors[0].code, ErrorCode::Internal);
        assert_eq!(form.refusals, 1);
        let placed = ContactField::ALL.map(ContactField::name);
        assert!(unplaced_message(&form.errors, &placed).is_some());

        let at_email = CommandError::at_field(fields::EMAIL, "E-mail recusado.");
        let form = submit(form).reduce(ContactAction::Refused(at_email));
        assert_eq!(form.first_wrong_field(), Some(ContactField::Email));
        assert_eq!(form.sends, 2);
        assert_eq!(form.refusals, 2);
    }
}
