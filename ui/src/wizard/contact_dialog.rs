//! "Novo Contato": adds a contact person to the customer, at once.
use helpdesk_api::{AddContact, Contact, ListContactRoles, Uuid};
use helpdesk_core::br::mask::Mask;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::api;
use crate::components::{message_at, unplaced_message, Dialog, FormError, SelectField, TextField};
use crate::dom::focus;
use crate::hooks::use_command;
use crate::wizard::contact_form::{ContactAction, ContactField, ContactForm};

const RELATION_ID: &str = "contato-funcao";
const RELATION_LABEL: &str = "Função no cliente";

/// What the "Função no cliente" field suggests when no contact role is kept (anything else
/// may be typed).
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

/// The dialog `#novo-contato`: "Nome", "Telefone", "E-mail", "Função no cliente" (a
/// `<select>` of the contact roles, or typed when there is none).
#[function_component]
pub fn ContactDialog(props: &ContactDialogProps) -> Html {
    let customer_id = props.customer_id;
    let form = use_reducer(move || ContactForm::new(customer_id));
    // "Funções de contato": chosen from when the administrator kept any, else typed.
    let roles = use_command::<ListContactRoles>(());
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
        let dispatcher = form.dispatcher();
        let oninput = Callback::from(move |value: String| {
            dispatcher.dispatch(ContactAction::Edit(field, value));
        });
        let (inputmode, list) = match field {
            ContactField::Phone => (Some("tel"), None),
            ContactField::Email => (Some("email"), None),
            ContactField::Relation => (None, Some("funcoes-contato")),
            ContactField::Name => (None, None),
        };
        html! {
            <TextField
                {id}
                {label}
                {required}
                asterisk_hidden=true
                required_attribute={required}
                field={field.name()}
                error={message_at(&form.errors, field.name())}
                autocomplete="off"
                {inputmode}
                {list}
                mask={(field == ContactField::Phone).then_some(Mask::Phone)}
                node_ref={refs[field as usize].clone()}
                value={value.clone()}
                {oninput}
            />
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
                    { match roles.value().filter(|roles| !roles.is_empty()) {
                        Some(roles) => relation_select(&form, roles, refs[ContactField::Relation as usize].clone()),
                        None => html! {
                            <>
                                { input(ContactField::Relation, RELATION_ID, RELATION_LABEL, true) }
                                <datalist id="funcoes-contato">
                                    { for RELATION_SUGGESTIONS.into_iter().map(|relation| html! {
                                        <option key={relation} value={relation} />
                                    }) }
                                </datalist>
                            </>
                        },
                    } }
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

/// "Função no cliente" as a `<select>` of the contact roles `roles`.
fn relation_select(
    form: &UseReducerHandle<ContactForm>,
    roles: &[String],
    node_ref: NodeRef,
) -> Html {
    let field = ContactField::Relation;
    let chosen = &form.contact.relation;
    let dispatcher = form.dispatcher();
    let onchange = Callback::from(move |value: String| {
        dispatcher.dispatch(ContactAction::Edit(field, value));
    });
    html! {
        <SelectField id={RELATION_ID} label={RELATION_LABEL} required=true asterisk_hidden=true
            field={field.name()} error={message_at(&form.errors, field.name())} {node_ref} {onchange}>
            <option value="" selected={chosen.is_empty()}>{ "Selecione…" }</option>
            { for roles.iter().map(|role| html! {
                <option key={role.clone()} value={role.clone()} selected={role == chosen}>
                    { role.clone() }
                </option>
            }) }
        </SelectField>
    }
}
