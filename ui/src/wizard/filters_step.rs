//! "Filtros": which online-support messages to list — by period or date range, how many,
//! and from which sender (optional: every sender), picked from suggestions as the operator
//! types.
use helpdesk_api::SuggestSupportEmails;
use helpdesk_core::support::{fields, suggestion_prefix, FilterForm, PeriodMode};
use wasm_bindgen_futures::spawn_local;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::api;
use crate::components::{message_at, unplaced_message, FieldError, FormError, TextField};
use crate::fetched::{Direction, Fetched};
use crate::wizard::state::{FilterEdit, FiltersAction, FiltersState};

/// Props of [`FiltersStep`].
#[derive(Properties, PartialEq)]
pub struct FiltersStepProps {
    /// The form as typed.
    pub form: FilterForm,
    /// What was said about it, and the e-mail's suggestions.
    pub state: FiltersState,
    pub onaction: Callback<FiltersAction>,
}

/// The filter form.
#[function_component]
pub fn FiltersStep(props: &FiltersStepProps) -> Html {
    let form = &props.form;
    let errors = &props.state.errors;
    let edit = |make: fn(String) -> FilterEdit| {
        props
            .onaction
            .reform(move |value| FiltersAction::Edit(make(value)))
    };
    let mode = |mode: PeriodMode, id: &'static str, label: &'static str| {
        let onchange = props
            .onaction
            .reform(move |_: Event| FiltersAction::Edit(FilterEdit::Mode(mode)));
        html! {
            <label class="choice inline" for={id}>
                <input
                    {id}
                    type="radio"
                    name="periodo"
                    checked={form.mode == mode}
                    {onchange}
                />
                { label }
            </label>
        }
    };
    let text_field = |id: &'static str,
                      label: &'static str,
                      field: &'static str,
                      value: &str,
                      oninput: Callback<String>,
                      placeholder: &'static str| {
        html! {
            <TextField
                {id}
                {label}
                {field}
                class="narrow"
                autocomplete="off"
                calendar={placeholder == "dd/mm/aaaa"}
                {placeholder}
                value={value.to_owned()}
                error={message_at(errors, field)}
                {oninput}
            />
        }
    };

    html! {
        <div class="filters">
            <fieldset class="period">
                <legend>{ "Datas" }</legend>
                <div class="choices-row">
                    { mode(PeriodMode::LastDays, "modo-periodo", "Período") }
                    { mode(PeriodMode::DateRange, "modo-intervalo", "Intervalo de Datas") }
                </div>
                <div class="fields-row">
                    if form.mode == PeriodMode::LastDays {
                        { text_field("dias", "Últimos (dias)", fields::DAYS, &form.days,
                            edit(FilterEdit::Days), "30") }
                    } else {
                        { text_field("data-inicio", "Data inicial", fields::START, &form.start,
                            edit(FilterEdit::Start), "dd/mm/aaaa") }
                        { text_field("data-fim", "Data final", fields::END, &form.end,
                            edit(FilterEdit::End), "dd/mm/aaaa") }
                    }
                    { text_field("filtro-quantidade", "Quantidade", fields::LIMIT, &form.limit,
                        edit(FilterEdit::Limit), "50") }
                </div>
            </fieldset>
            <EmailField
                typed={form.email.clone()}
                suggestions={props.state.suggestions.clone()}
                error={message_at(errors, fields::EMAIL)}
                onaction={props.onaction.clone()}
            />
            <FormError message={unplaced_message(
                errors,
                &[fields::DAYS, fields::START, fields::END, fields::LIMIT, fields::EMAIL],
            )} />
        </div>
    }
}

/// Props of [`EmailField`].
#[derive(Properties, PartialEq)]
struct EmailFieldProps {
    /// What is typed.
    typed: String,
    suggestions: Fetched<String, Vec<String>>,
    /// What was said about the address.
    error: Option<AttrValue>,
    onaction: Callback<FiltersAction>,
}

/// "E-mail Suporte Online": a combo box whose suggestions follow what is typed.
#[function_component]
fn EmailField(props: &EmailFieldProps) -> Html {
    let typed = props.typed.clone();
    let suggestions = &props.suggestions;
    let open_rows = suggestions
        .value
        .clone()
        .filter(|rows| !rows.is_empty())
        .filter(|_| suggestions.request.as_deref() == suggestion_prefix(&typed).as_deref());
    let error = props.error.clone();

    let oninput = {
        let onaction = props.onaction.clone();
        Callback::from(move |event: InputEvent| {
            let value = event.target_unchecked_into::<HtmlInputElement>().value();
            onaction.emit(FiltersAction::Edit(FilterEdit::Email(value.clone())));
            let Some(prefix) = suggestion_prefix(&value) else {
                return onaction.emit(FiltersAction::TakeSuggestion(None));
            };
            onaction.emit(FiltersAction::SuggestionsStarted(prefix.clone()));
            let onaction = onaction.clone();
            spawn_local(async move {
                let result = api::invoke::<SuggestSupportEmails>(&value).await;
                onaction.emit(FiltersAction::SuggestionsFinished(prefix, result));
            });
        })
    };
    let onkeydown = {
        let onaction = props.onaction.clone();
        let (open, highlighted) = (open_rows.is_some(), suggestions.highlighted);
        Callback::from(move |event: KeyboardEvent| {
            let action = match (event.key().as_str(), open, highlighted) {
                ("ArrowDown", true, _) => FiltersAction::MoveSuggestion(Direction::Down),
                ("ArrowUp", true, _) => FiltersAction::MoveSuggestion(Direction::Up),
                ("Enter", true, Some(index)) => FiltersAction::TakeSuggestion(Some(index)),
                ("Escape", true, _) => FiltersAction::TakeSuggestion(None),
                _ => return,
            };
            event.prevent_default();
            onaction.emit(action);
        })
    };
    let onblur = props
        .onaction
        .reform(|_: FocusEvent| FiltersAction::TakeSuggestion(None));
    let option = |(index, email): (usize, &String)| {
        // On mouse down, before the field loses focus and closes the list.
        let onmousedown = props.onaction.reform(move |event: MouseEvent| {
            event.prevent_default();
            FiltersAction::TakeSuggestion(Some(index))
        });
        let highlighted = suggestions.highlighted == Some(index);
        html! {
            <li
                key={email.clone()}
                id={format!("sugestao-{index}")}
                role="option"
                data-email={email.clone()}
                class={classes!(highlighted.then_some("highlighted"))}
                aria-selected={highlighted.to_string()}
                {onmousedown}
            >
                { email.clone() }
            </li>
        }
    };

    html! {
        <div class="field combobox">
            <label for="email-suporte">{ "E-mail Suporte Online" }</label>
            <input
                id="email-suporte"
                type="text"
                role="combobox"
                autocomplete="off"
                spellcheck="false"
                data-autofocus="true"
                placeholder="Todos (ou digite as primeiras letras)"
                aria-autocomplete="list"
                aria-controls="sugestoes"
                aria-expanded={open_rows.is_some().to_string()}
                aria-activedescendant={suggestions.highlighted.filter(|_| open_rows.is_some())
                    .map(|index| format!("sugestao-{index}"))}
                aria-invalid={error.is_some().then_some("true")}
                value={typed}
                {oninput}
                {onkeydown}
                {onblur}
            />
            if let Some(rows) = &open_rows {
                <ul id="sugestoes" role="listbox" class="suggestions">
                    { for rows.iter().enumerate().map(option) }
                </ul>
            }
            <FieldError field={fields::EMAIL} message={error} />
        </div>
    }
}
