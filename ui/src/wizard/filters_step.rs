//! "Filtros": which online-support messages to list — by period or date range, how many,
//! and from which sender, picked from suggestions as the operator types.
use helpdesk_api::SuggestSupportEmails;
use helpdesk_core::support::{fields, suggestion_prefix, PeriodMode};
use wasm_bindgen_futures::spawn_local;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::api;
use crate::components::{message_at, unplaced_message, FieldError, FormError};
use crate::wizard::state::{Direction, FilterEdit, WizardAction, WizardState};

/// Props of [`FiltersStep`].
#[derive(Properties, PartialEq)]
pub struct FiltersStepProps {
    pub state: UseReducerHandle<WizardState>,
}

/// The filter form.
#[function_component]
pub fn FiltersStep(props: &FiltersStepProps) -> Html {
    let state = &props.state;
    let form = &state.draft.filters;
    let errors = &state.filter_errors;
    let edit = |make: fn(String) -> FilterEdit| {
        let dispatcher = state.dispatcher();
        Callback::from(move |event: InputEvent| {
            let value = event.target_unchecked_into::<HtmlInputElement>().value();
            dispatcher.dispatch(WizardAction::EditFilters(make(value)));
        })
    };
    let mode = |mode: PeriodMode, id: &'static str, label: &'static str| {
        let dispatcher = state.dispatcher();
        let onchange = Callback::from(move |_: Event| {
            dispatcher.dispatch(WizardAction::EditFilters(FilterEdit::Mode(mode)));
        });
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
                      oninput: Callback<InputEvent>,
                      placeholder: &'static str| {
        let error = message_at(errors, field);
        html! {
            <div class="field narrow">
                <label for={id}>{ label }</label>
                <input
                    {id}
                    type="text"
                    autocomplete="off"
                    {placeholder}
                    value={value.to_owned()}
                    aria-invalid={error.is_some().then_some("true")}
                    {oninput}
                />
                <FieldError {field} message={error} />
            </div>
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
            <EmailField state={state.clone()} />
            <FormError message={unplaced_message(
                errors,
                &[fields::DAYS, fields::START, fields::END, fields::LIMIT, fields::EMAIL],
            )} />
        </div>
    }
}

/// "E-mail Suporte Online": a combo box whose suggestions follow what is typed.
#[function_component]
fn EmailField(props: &FiltersStepProps) -> Html {
    let state = &props.state;
    let typed = state.draft.filters.email.clone();
    let suggestions = &state.suggestions;
    let open_rows = suggestions
        .value
        .clone()
        .filter(|rows| !rows.is_empty())
        .filter(|_| suggestions.request.as_deref() == suggestion_prefix(&typed).as_deref());
    let error = message_at(&state.filter_errors, fields::EMAIL);

    let oninput = {
        let dispatcher = state.dispatcher();
        Callback::from(move |event: InputEvent| {
            let value = event.target_unchecked_into::<HtmlInputElement>().value();
            dispatcher.dispatch(WizardAction::EditFilters(FilterEdit::Email(value.clone())));
            let Some(prefix) = suggestion_prefix(&value) else {
                return dispatcher.dispatch(WizardAction::TakeSuggestion(None));
            };
            dispatcher.dispatch(WizardAction::SuggestionsStarted(prefix.clone()));
            let dispatcher = dispatcher.clone();
            spawn_local(async move {
                let result = api::invoke::<SuggestSupportEmails>(&value).await;
                dispatcher.dispatch(WizardAction::SuggestionsFinished(prefix, result));
            });
        })
    };
    let onkeydown = {
        let dispatcher = state.dispatcher();
        let (open, highlighted) = (open_rows.is_some(), suggestions.highlighted);
        Callback::from(move |event: KeyboardEvent| {
            let action = match (event.key().as_str(), open, highlighted) {
                ("ArrowDown", true, _) => WizardAction::MoveSuggestion(Direction::Down),
                ("ArrowUp", true, _) => WizardAction::MoveSuggestion(Direction::Up),
                ("Enter", true, Some(index)) => WizardAction::TakeSuggestion(Some(index)),
                ("Escape", true, _) => WizardAction::TakeSuggestion(None),
                _ => return,
            };
            event.prevent_default();
            dispatcher.dispatch(action);
        })
    };
    let onblur = {
        let dispatcher = state.dispatcher();
        Callback::from(move |_: FocusEvent| dispatcher.dispatch(WizardAction::TakeSuggestion(None)))
    };
    let option = |(index, email): (usize, &String)| {
        let dispatcher = state.dispatcher();
        // On mouse down, before the field loses focus and closes the list.
        let onmousedown = Callback::from(move |event: MouseEvent| {
            event.prevent_default();
            dispatcher.dispatch(WizardAction::TakeSuggestion(Some(index)));
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
                placeholder="Digite as primeiras letras"
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
