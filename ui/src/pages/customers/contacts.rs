//! The customer's "Contatos": the table, "Novo contato" (the wizard's dialog), and per
//! contact "Editar" and "Remover" (after a confirmation).
use helpdesk_api::{Contact, RemoveContact, Uuid};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::contact_edit::ContactEditDialog;
use crate::api;
use crate::components::{Confirm, FormError};
use crate::wizard::ContactDialog;

/// Props of [`ContactsSection`].
#[derive(Properties, PartialEq)]
pub struct ContactsSectionProps {
    pub customer_id: Uuid,
    pub contacts: Vec<Contact>,
    /// "Novo contato", "Editar" and "Remover" are offered.
    pub may_edit: bool,
    /// A contact was added, changed or removed (with what to tell the operator).
    pub onchanged: Callback<String>,
}

/// What the section has open.
#[derive(Clone, PartialEq)]
enum Open {
    None,
    Adding,
    Editing(Contact),
    Removing(Contact),
}

/// `section#cliente-contatos`: `table#contatos-cliente` with a `tr[data-contact-id]` each.
#[function_component]
pub fn ContactsSection(props: &ContactsSectionProps) -> Html {
    let open = use_state(|| Open::None);
    let error = use_state(|| None::<AttrValue>);
    let set = |to: Open| {
        let open = open.clone();
        Callback::from(move |()| open.set(to.clone()))
    };
    let saved = |what: &'static str| {
        let (open, onchanged) = (open.clone(), props.onchanged.clone());
        Callback::from(move |contact: Contact| {
            open.set(Open::None);
            onchanged.emit(format!("Contato \"{}\" {what}.", contact.name));
        })
    };
    let onremove = {
        let (open, error, onchanged) = (open.clone(), error.clone(), props.onchanged.clone());
        Callback::from(move |()| {
            let Open::Removing(contact) = (*open).clone() else {
                return;
            };
            open.set(Open::None);
            let (error, onchanged) = (error.clone(), onchanged.clone());
            spawn_local(async move {
                match api::invoke::<RemoveContact>(&contact.id).await {
                    Ok(()) => {
                        error.set(None);
                        onchanged.emit(format!("Contato \"{}\" removido.", contact.name));
                    }
                    Err(failure) => error.set(Some(failure.message.into())),
                }
            });
        })
    };
    let row = |contact: &Contact| {
        let removing = matches!(&*open, Open::Removing(asked) if asked.id == contact.id);
        let dash = |text: &str| {
            if text.is_empty() {
                "—".to_owned()
            } else {
                text.to_owned()
            }
        };
        html! {
            <tr key={contact.id.to_string()} data-contact-id={contact.id.to_string()}>
                <td>{ contact.name.clone() }</td>
                <td>{ dash(&contact.phone) }</td>
                <td>{ dash(&contact.email) }</td>
                <td>{ contact.relation.clone() }</td>
                if props.may_edit {
                    <td class="admin-actions">
                        <button type="button" class="contato-editar"
                            onclick={set(Open::Editing(contact.clone())).reform(|_: MouseEvent| ())}>
                            { "Editar" }
                        </button>
                        if removing {
                            <Confirm class="inline-confirm" inline=true label="Confirmar: remover contato"
                                yes_id="contato-remover-sim" yes="Remover" onyes={onremove.clone()}
                                no_id="contato-remover-nao" no="Não" onno={set(Open::None)}>
                                { format!("Remover \"{}\"? ", contact.name) }
                            </Confirm>
                        } else {
                            <button type="button" class="contato-remover danger"
                                onclick={set(Open::Removing(contact.clone())).reform(|_: MouseEvent| ())}>
                                { "Remover" }
                            </button>
                        }
                    </td>
                }
            </tr>
        }
    };
    html! {
        <section id="cliente-contatos" class="customer-section card" aria-labelledby="cliente-contatos-titulo">
            <div class="section-heading">
                <h3 id="cliente-contatos-titulo">{ "Contatos" }</h3>
                if props.may_edit {
                    <button id="cliente-novo-contato" type="button"
                        onclick={set(Open::Adding).reform(|_: MouseEvent| ())}>{ "Novo contato" }</button>
                }
            </div>
            <FormError message={(*error).clone()} />
            if props.contacts.is_empty() {
                <p class="empty">{ "Nenhum contato cadastrado." }</p>
            } else {
                <div class="table-scroll compact">
                    <table id="contatos-cliente" class="grid static">
                        <thead><tr>
                            <th>{ "Nome" }</th><th>{ "Telefone" }</th><th>{ "E-mail" }</th>
                            <th>{ "Função" }</th>
                            if props.may_edit { <th></th> }
                        </tr></thead>
                        <tbody>{ for props.contacts.iter().map(row) }</tbody>
                    </table>
                </div>
            }
            { match &*open {
                Open::Adding => html! {
                    <ContactDialog customer_id={props.customer_id} onsaved={saved("incluído")}
                        onclose={set(Open::None)} />
                },
                Open::Editing(contact) => html! {
                    <ContactEditDialog customer_id={props.customer_id} contact={contact.clone()}
                        onsaved={saved("alterado")} onclose={set(Open::None)} />
                },
                Open::None | Open::Removing(_) => Html::default(),
            } }
        </section>
    }
}
