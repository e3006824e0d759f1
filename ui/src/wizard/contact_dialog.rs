//! "Novo Contato": adds a contact person to the customer, at once.
use std::rc::Rc;

use helpdesk_api::{AddContact, CommandError, Contact, NewContact, Uuid};
use helpdesk_core::contact::fields;
use wasm_bindgen_futures::spawn_local;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::api;
use crate::components::{message_at, unplaced_message, Dialog, FieldError, FormError};
use crate::dom::focus;

/// What the "Função no cliente" field suggests (anything else may be typed).
const RELATION_SUGGESTIONS: [&str; 8] = [
    "Titular",
    "Responsável financeiro",
    "Responsável técnico",
    "Cônjuge",
    "Familiar",
    "Funcionário",
    "Sócio",
    "Síndico",
];

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
    const ALL: [ContactField; 4] = [
        ContactField::Name,
        ContactField::Phone,
        ContactField::Email,
        ContactField::Relation,
    ];

    /// The field's name in the core's errors (`helpdesk_core::contact::fields`).
    fn name(self) -> &'static str {
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
    fn new(customer_id: Uuid) -> Self {
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
    fn first_wrong_field(&self) -> Option<ContactField> {
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

/// Props of [`ContactDialog`].
#[derive(Properties, PartialEq)]
pub struct ContactDialogProps {
    /// The customer the contact is added to.
    pub customer_id: Uuid,
    /// Called with the contact once the shell stored it; the owner closes the dialog.
    pub onsaved: Callback<Contact>,
    /// "Cancelar" or Esc.
    pub onclose: Callback<()>,
}

/// The dialog `#novo-contato`: "Nome", "Telefone", "E-mail", "Função no cliente".
#[function_component]
pub fn ContactDialog(props: &ContactDialogProps) -> Html {
    let customer_id = props.customer_id;
    let form = use_reducer(move || ContactForm::new(customer_id));
    let refs = use_memo((), |_| ContactField::ALL.map(|_| NodeRef::default()));
    let save_ref = use_node_ref();
    {
        // After a refusal, the focus goes to the first wrong field (or back to "Salvar",
        // which lost it when it was disabled).
        let (refs, save_ref) = (refs.clone(), save_ref.clone());
        let wrong = form.first_wrong_field();
        use_effect_with(form.refusals, move |refusals| {
            if *refusals > 0 {
                match wrong {
                    Some(field) => focus(&refs[field as usize]),
                    None => focus(&save_ref),
                }
            }
        });
    }

    {
        // Sends each checked contact once; the owner closes the dialog when it is stored.
        let (dispatcher, onsaved) = (form.dispatcher(), props.onsaved.clone());
        let outgoing = form.outgoing.clone();
        use_effect_with(form.sends, move |_| {
            if let Some(contact) = outgoing {
                spawn_local(async move {
                    match api::invoke::<AddContact>(&contact).await {
                        Ok(saved) => onsaved.emit(saved),
                        Err(error) => dispatcher.dispatch(ContactAction::Refused(error)),
                    }
                });
            }
        });
    }

    // Validated in the reducer, against what is typed now (not what this render saw).
    let onsubmit = {
        let dispatcher = form.dispatcher();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            dispatcher.dispatch(ContactAction::Submit);
        })
    };

    let input = |field: ContactField, id: &'static str, label: &'static str, required: bool| {
        let value = match field {
            ContactField::Name => &form.contact.name,
            ContactField::Phone => &form.contact.phone,
            ContactField::Email => &form.contact.email,
            ContactField::Relation => &form.contact.relation,
        };
        let message = message_at(&form.errors, field.name());
        let dispatcher = form.dispatcher();
        let oninput = Callback::from(move |event: InputEvent| {
            let value = event.target_unchecked_into::<HtmlInputElement>().value();
            dispatcher.dispatch(ContactAction::Edit(field, value));
        });
        let (inputmode, list) = match field {
            ContactField::Phone => (Some("tel"), None),
            ContactField::Email => (Some("email"), None),
            ContactField::Relation => (None, Some("funcoes-contato")),
            ContactField::Name => (None, None),
        };
        html! {
            <div class="field">
                <label for={id}>
                    { label }
                    if required {
                        <span class="required" aria-hidden="true">{ " *" }</span>
                    }
                </label>
                <input
                    {id}
                    type="text"
                    autocomplete="off"
                    {inputmode}
                    {list}
                    ref={refs[field as usize].clone()}
                    value={value.clone()}
                    required={required}
                    aria-invalid={message.is_some().then_some("true")}
                    {oninput}
                />
                <FieldError field={field.name()} {message} />
            </div>
        }
    };
    let placed = ContactField::ALL.map(ContactField::name);

    html! {
        <Dialog id="novo-contato" title="Novo Contato" onclose={props.onclose.clone()}>
            <form class="dialog-form" novalidate=true {onsubmit}>
                <div class="dialog-body">
                    <FormError message={unplaced_message(&form.errors, &placed)} />
                    { input(ContactField::Name, "contato-nome", "Nome", true) }
                    <div class="field-row">
                        { input(ContactField::Phone, "contato-telefone", "Telefone", false) }
                        { input(ContactField::Email, "contato-email", "E-mail", false) }
                    </div>
                    <p class="hint">{ "Informe ao menos um telefone ou um e-mail." }</p>
                    { input(ContactField::Relation, "contato-funcao", "Função no cliente", true) }
                    <datalist id="funcoes-contato">
                        { for RELATION_SUGGESTIONS.into_iter().map(|relation| html! {
                            <option key={relation} value={relation} />
                        }) }
                    </datalist>
                </div>
                <div class="dialog-footer">
                    <button
                        id="cancelar-contato"
                        type="button"
                        onclick={props.onclose.reform(|_: MouseEvent| ())}
                    >
                        { "Cancelar" }
                    </button>
                    <button
                        id="salvar-contato"
                        type="submit"
                        class="primary"
                        ref={save_ref}
                        disabled={form.saving}
                    >
                        { if form.saving { "Salvando…" } else { "Salvar" } }
                    </button>
                </div>
            </form>
        </Dialog>
    }
}

#[cfg(test)]
mod tests {
    use helpdesk_api::ErrorCode;

    use super::*;

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
