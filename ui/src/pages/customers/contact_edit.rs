//! "Editar contato": one of the customer's contacts changed in a dialog (name, phone,
//! e-mail, function), each error at its field.
use helpdesk_api::{Contact, ContactEdit, NewContact, UpdateContact, Uuid};
use helpdesk_core::br::mask::Mask;
use helpdesk_core::contact::fields;
use helpdesk_core::form::FieldError;
use yew::prelude::*;

use crate::components::{Dialog, FormError, TextField};
use crate::hooks::use_submit;

const ALL_FIELDS: [&str; 4] = [fields::NAME, fields::PHONE, fields::EMAIL, fields::RELATION];

/// What is wrong with the contact before it is sent; the shell checks it again.
fn check(edit: &ContactEdit) -> Vec<FieldError> {
    edit.contact.validate().err().unwrap_or_default()
}

/// Props of [`ContactEditDialog`].
#[derive(Properties, PartialEq)]
pub struct ContactEditDialogProps {
    pub customer_id: Uuid,
    /// The contact as it is stored.
    pub contact: Contact,
    /// Called with the contact as stored; the owner closes the dialog.
    pub onsaved: Callback<Contact>,
    /// "Cancelar" or Esc.
    pub onclose: Callback<()>,
}

/// The dialog `#editar-contato`.
#[function_component]
pub fn ContactEditDialog(props: &ContactEditDialogProps) -> Html {
    let form = {
        let (customer_id, contact) = (props.customer_id, props.contact.clone());
        use_state(move || ContactEdit {
            id: contact.id,
            contact: NewContact {
                customer_id,
                name: contact.name,
                phone: contact.phone,
                email: contact.email,
                relation: contact.relation,
            },
        })
    };
    let submit = use_submit::<UpdateContact>();
    let edit = |apply: fn(&mut NewContact, String), field: &'static str| {
        let (form, submit) = (form.clone(), submit.clone());
        Callback::from(move |value: String| {
            let mut next = (*form).clone();
            apply(&mut next.contact, value);
            form.set(next);
            submit.edited(field);
        })
    };
    let onsubmit = {
        let (form, submit, onsaved) = (form.clone(), submit.clone(), props.onsaved.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            submit.send((*form).clone(), check(&form), onsaved.clone());
        })
    };
    let contact = &form.contact;
    let text = |field: &'static str, id: &'static str, label: &'static str, value: &str, apply| {
        html! {
            <TextField {id} {field} {label} required={field == fields::NAME || field == fields::RELATION}
                asterisk_hidden=true value={value.to_owned()} error={submit.error(field)}
                autocomplete="off" mask={(field == fields::PHONE).then_some(Mask::Phone)}
                oninput={edit(apply, field)} />
        }
    };
    html! {
        <Dialog id="editar-contato" title="Editar contato" onclose={props.onclose.clone()}>
            <form class="dialog-form" novalidate=true {onsubmit}>
                <div class="dialog-body">
                    <FormError message={submit.unplaced(&ALL_FIELDS)} />
                    { text(fields::NAME, "editar-contato-nome", "Nome", &contact.name, |c, v| c.name = v) }
                    <div class="field-row">
                        { text(fields::PHONE, "editar-contato-telefone", "Telefone", &contact.phone,
                            |c, v| c.phone = v) }
                        { text(fields::EMAIL, "editar-contato-email", "E-mail", &contact.email, |c, v| c.email = v) }
                    </div>
                    <p class="hint">{ "Informe ao menos um telefone ou um e-mail." }</p>
                    { text(fields::RELATION, "editar-contato-funcao", "Função no cliente", &contact.relation,
                        |c, v| c.relation = v) }
                </div>
                <div class="dialog-footer">
                    <button id="editar-contato-cancelar" type="button"
                        onclick={props.onclose.reform(|_: MouseEvent| ())}>{ "Cancelar" }</button>
                    <button id="editar-contato-salvar" type="submit" class="primary" disabled={submit.sending()}>
                        { if submit.sending() { "Salvando…" } else { "Salvar" } }
                    </button>
                </div>
            </form>
        </Dialog>
    }
}
