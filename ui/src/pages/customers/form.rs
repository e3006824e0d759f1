//! The customer form, new or changed: "Pessoa física" or "Pessoa jurídica" (the name is
//! then "Razão social" and "Nome fantasia" appears), CPF/CNPJ, CEP and phones masked as they
//! are typed or pasted, the address, e-mails and phones as lists, notes. Every error shows
//! at its field, and a refused save keeps what was typed.
use helpdesk_api::{CustomerForm, CustomerRecord, SaveCustomer};
use helpdesk_core::br::{mask::Mask, uf};
use helpdesk_core::customer_form::{fields, PersonKind};
use helpdesk_core::form::FieldError;
use yew::prelude::*;

use super::list_field::ListField;
use crate::components::{FieldError as FieldMessage, FormError, SelectField, TextField};
use crate::hooks::use_submit;

/// What is wrong with the form before it is sent; the shell checks it again.
fn check(form: &CustomerForm) -> Vec<FieldError> {
    form.validate().err().unwrap_or_default()
}

/// Props of [`CustomerEditor`].
#[derive(Properties, PartialEq)]
pub struct CustomerEditorProps {
    /// The customer as it starts (empty for a new one).
    pub initial: CustomerForm,
    pub onsaved: Callback<CustomerRecord>,
    pub oncancel: Callback<()>,
}

/// `form#cliente-form`.
#[function_component]
pub fn CustomerEditor(props: &CustomerEditorProps) -> Html {
    let form = use_state(|| props.initial.clone());
    let submit = use_submit::<SaveCustomer>();
    let edit = |apply: fn(&mut CustomerForm, String), field: &'static str| {
        let (form, submit) = (form.clone(), submit.clone());
        Callback::from(move |value: String| {
            let mut next = (*form).clone();
            apply(&mut next, value);
            form.set(next);
            submit.edited(field);
        })
    };
    let edit_list = |apply: fn(&mut CustomerForm, Vec<String>), field: &'static str| {
        let (form, submit) = (form.clone(), submit.clone());
        Callback::from(move |values: Vec<String>| {
            let mut next = (*form).clone();
            apply(&mut next, values);
            form.set(next);
            submit.edited(field);
        })
    };
    let choose_kind = |kind: PersonKind| {
        let (form, submit) = (form.clone(), submit.clone());
        Callback::from(move |_: Event| {
            let mut next = (*form).clone();
            next.kind = kind;
            form.set(next);
            submit.edited(fields::KIND);
        })
    };
    let onsubmit = {
        let (form, submit, onsaved) = (form.clone(), submit.clone(), props.onsaved.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            submit.send((*form).clone(), check(&form), onsaved.clone());
        })
    };
    let text = |field: &'static str, label: &'static str, value: &str, apply| {
        html! {
            <TextField id={format!("cliente-{field}")} {field} {label}
                required={fields::REQUIRED.contains(&field)} value={value.to_owned()} error={submit.error(field)} autocomplete="off"
                oninput={edit(apply, field)} />
        }
    };
    let company = form.kind == PersonKind::Company;
    let kind_radio = |kind: PersonKind, id: &'static str| {
        html! {
            <label for={id}>
                <input {id} type="radio" name="cliente-tipo" checked={form.kind == kind}
                    onchange={choose_kind(kind)} />
                { kind.label() }
            </label>
        }
    };
    html! {
            <form id="cliente-form" class="admin-form customer-form" novalidate=true {onsubmit}>
                <h2>{ if form.id.is_none() { "Novo cliente" } else { "Editar cliente" } }</h2>
                <FormError message={submit.unplaced(&fields::ALL)} />
                <fieldset class="field choices" aria-invalid={submit.error(fields::KIND).map(|_| "true")}>
                    <legend>{ "Tipo" }<span class="required" aria-hidden="true">{ " *" }</span></legend>
                    { kind_radio(PersonKind::Person, "cliente-tipo-fisica") }
                    { kind_radio(PersonKind::Company, "cliente-tipo-juridica") }
                    <FieldMessage field={fields::KIND} message={submit.error(fields::KIND)} />
                </fieldset>
                <TextField id="cliente-codigo" field={fields::CODE} label="Código"
                    value={form.code.clone()} error={submit.error(fields::CODE)} autocomplete="off"
                    no_spellcheck=true placeholder="Automático"
                    oninput={edit(|f, v| f.code = v, fields::CODE)} />
                <TextField id="cliente-nome" field={fields::NAME} required=true
                    label={if company { "Razão social" } else { "Nome" }}
                    value={form.name.clone()} error={submit.error(fields::NAME)} autocomplete="off"
                    oninput={edit(|f, v| f.name = v, fields::NAME)} />
                if company {
                    { text(fields::TRADE_NAME, "Nome fantasia", &form.trade_name, |f, v| f.trade_name = v) }
                }
                <TextField id="cliente-documento" field={fields::DOCUMENT} required=true
                    label={if company { "CNPJ" } else { "CPF" }} no_spellcheck=true
                    placeholder={if company { "00.000.000/0000-00" } else { "000.000.000-00" }}
                    value={form.document.clone()} error={submit.error(fields::DOCUMENT)} autocomplete="off"
                    mask={Mask::Document} oninput={edit(|f, v| f.document = v, fields::DOCUMENT)} />
                <div class="field-row">
                    <TextField id="cliente-cep" field={fields::POSTAL_CODE} label="CEP" inputmode="numeric"
                        placeholder="00000-000" value={form.postal_code.clone()}
                        error={submit.error(fields::POSTAL_CODE)} autocomplete="off"
                        mask={Mask::PostalCode} oninput={edit(|f, v| f.postal_code = v, fields::POSTAL_CODE)} />
                    { text(fields::STREET, "Logradouro", &form.street, |f, v| f.street = v) }
                    { text(fields::NUMBER, "Número", &form.number, |f, v| f.number = v) }
                </div>
                <div class="field-row">
                    { text(fields::COMPLEMENT, "Complemento", &form.complement, |f, v| f.complement = v) }
                    { text(fields::DISTRICT, "Bairro", &form.district, |f, v| f.district = v) }
                </div>
                <div class="field-row">
                    { text(fields::CITY, "Cidade", &form.city, |f, v| f.city = v) }
    <SelectField id="cliente-uf" field={fields::STATE} label="UF" required=true
                        error={submit.error(fields::STATE)}
                        onchange={edit(|f, v| f.state = v, fields::STATE)}>
                        { uf_options(&form.state) }
                    </SelectField>
                </div>
                <ListField id="cliente-emails" field={fields::EMAILS} label="E-mails" item="e-mail"
                    kind="email" values={form.emails.clone()} error={submit.error(fields::EMAILS)}
                    onchange={edit_list(|f, v| f.emails = v, fields::EMAILS)} />
                <ListField id="cliente-telefones" field={fields::PHONES} label="Telefones" item="telefone"
                    kind="tel" values={form.phones.clone()} error={submit.error(fields::PHONES)}
                    phone_mask=true
                    onchange={edit_list(|f, v| f.phones = v, fields::PHONES)} />
                <TextField id="cliente-observacoes" field={fields::NOTES} label="Observações" rows={3}
                    value={form.notes.clone()} error={submit.error(fields::NOTES)}
                    oninput={edit(|f, v| f.notes = v, fields::NOTES)} />
                <div class="form-actions">
                    <button id="cliente-cancelar" type="button"
                        onclick={props.oncancel.reform(|_: MouseEvent| ())}>{ "Cancelar" }</button>
                    <button id="cliente-salvar" type="submit" class="primary" disabled={submit.sending()}>
                        { if submit.sending() { "Salvando…" } else { "Salvar" } }
                    </button>
                </div>
            </form>
        }
}

/// The `<option>`s of "UF": none, then the 27 UFs ("SP – São Paulo"), `chosen` selected; a
/// stored value that is no UF stays offered, so it is seen and corrected.
fn uf_options(chosen: &str) -> Html {
    let unknown = !chosen.is_empty() && uf::ALL.iter().all(|uf| uf.code != chosen);
    html! {
        <>
            <option value="" selected={chosen.is_empty()}>{ "Selecione…" }</option>
            if unknown {
                <option value={chosen.to_owned()} selected=true>{ chosen.to_owned() }</option>
            }
            { for uf::ALL.iter().map(|uf| html! {
                <option key={uf.code} value={uf.code} selected={uf.code == chosen}>
                    { format!("{} – {}", uf.code, uf.name) }
                </option>
            }) }
        </>
    }
}
