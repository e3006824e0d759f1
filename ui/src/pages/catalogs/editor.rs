//! The form of one catalog entry ("Novo" or its changes): the catalog's own fields inside,
//! "Salvar" and "Cancelar" around them.
use helpdesk_api::{CatalogEntry, CatalogFields, CatalogForm, SaveCatalogEntry};
use helpdesk_core::form::FieldError;
use yew::prelude::*;

use super::fields::{
    names, KindFieldsProps, NameOnlyFields, PlanFields, RoleFields, RoutingPointFields,
    TechnicianFields, TicketTypeFields, WorkOrderStatusFields, WorkOrderTypeFields,
};
use crate::components::FormError;
use crate::hooks::use_submit;

/// What is wrong with the entry before it is sent; the shell checks it again.
fn check(form: &CatalogForm) -> Vec<FieldError> {
    form.fields.validate().err().unwrap_or_default()
}

/// Props of [`EntryEditor`].
#[derive(Properties, PartialEq)]
pub struct EntryEditorProps {
    /// The entry as it starts (blank for a new one).
    pub initial: CatalogForm,
    pub onsaved: Callback<CatalogEntry>,
    pub oncancel: Callback<()>,
}

/// `form#cadastro-form`.
#[function_component]
pub fn EntryEditor(props: &EntryEditorProps) -> Html {
    let fields = use_state(|| props.initial.fields.clone());
    let submit = use_submit::<SaveCatalogEntry>();
    let onchange = {
        let (fields, submit) = (fields.clone(), submit.clone());
        Callback::from(move |(next, field): (CatalogFields, &'static str)| {
            fields.set(next);
            submit.edited(field);
        })
    };
    let onsubmit = {
        let (fields, submit, onsaved) = (fields.clone(), submit.clone(), props.onsaved.clone());
        let id = props.initial.id;
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let form = CatalogForm {
                id,
                fields: (*fields).clone(),
            };
            let found = check(&form);
            submit.send(form, found, onsaved.clone());
        })
    };
    let kind = KindFieldsProps {
        fields: (*fields).clone(),
        errors: submit.errors().to_vec(),
        onchange,
    };
    let title = if props.initial.id.is_some() {
        "Editar"
    } else {
        "Novo"
    };
    html! {
        <form id="cadastro-form" class="admin-form" novalidate=true {onsubmit}>
            <h2>{ title }</h2>
            <FormError message={submit.unplaced(&names::ALL)} />
            { kind_fields(kind) }
            <div class="form-actions">
                <button id="cadastro-cancelar" type="button"
                    onclick={props.oncancel.reform(|_: MouseEvent| ())}>{ "Cancelar" }</button>
                <button id="cadastro-salvar" type="submit" class="primary" disabled={submit.sending()}>
                    { if submit.sending() { "Salvando…" } else { "Salvar" } }
                </button>
            </div>
        </form>
    }
}

/// The fields component of the entry's catalog.
fn kind_fields(props: KindFieldsProps) -> Html {
    let KindFieldsProps {
        fields,
        errors,
        onchange,
    } = props;
    match &fields {
        CatalogFields::Roles { .. } => html! { <RoleFields {fields} {errors} {onchange} /> },
        CatalogFields::Teams { .. } | CatalogFields::ContactRoles { .. } => {
            html! { <NameOnlyFields {fields} {errors} {onchange} /> }
        }
        CatalogFields::TicketTypes { .. } => {
            html! { <TicketTypeFields {fields} {errors} {onchange} /> }
        }
        CatalogFields::WorkOrderTypes { .. } => {
            html! { <WorkOrderTypeFields {fields} {errors} {onchange} /> }
        }
        CatalogFields::WorkOrderStatuses { .. } => {
            html! { <WorkOrderStatusFields {fields} {errors} {onchange} /> }
        }
        CatalogFields::Technicians { .. } => {
            html! { <TechnicianFields {fields} {errors} {onchange} /> }
        }
        CatalogFields::RoutingPoints { .. } => {
            html! { <RoutingPointFields {fields} {errors} {onchange} /> }
        }
        CatalogFields::Plans { .. } => html! { <PlanFields {fields} {errors} {onchange} /> },
    }
}
