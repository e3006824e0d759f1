//! The agenda's toolbar: "Dia" / "Semana" / "Mês", the date ("‹", dd/mm/aaaa or its
//! calendar, "›", "Hoje"), which visits ("Tipo"), what colours them ("Cor por"), "Atualizar" and
//! "Desfazer".
use chrono::{Datelike, NaiveDate};
use helpdesk_api::VisitKind;
use helpdesk_core::agenda::{days_of, View};
use helpdesk_core::date::{format_date, parse_date};
use helpdesk_core::work_order::fields;
use web_sys::{HtmlInputElement, HtmlSelectElement, KeyboardEvent};
use yew::prelude::*;

use super::items::weekday;
use super::state::{ColorBy, FilterAction};
use crate::components::{DatePicker, FieldError};

/// Props of [`Toolbar`].
#[derive(Properties, PartialEq)]
pub struct ToolbarProps {
    pub view: View,
    pub date: NaiveDate,
    pub today: NaiveDate,
    pub kind: Option<VisitKind>,
    pub color_by: ColorBy,
    pub loading: bool,
    /// Something can be undone, and nothing is being saved.
    pub can_undo: bool,
    /// The view, the date, "Tipo" or "Cor por" changed.
    pub onfilter: Callback<FilterAction>,
    /// "Atualizar".
    pub onreload: Callback<()>,
    /// "Desfazer".
    pub onundo: Callback<()>,
}

/// `div.agenda-toolbar`.
#[function_component]
pub fn Toolbar(props: &ToolbarProps) -> Html {
    let typed = use_state(|| format_date(props.date));
    let error = use_state(|| None::<AttrValue>);
    {
        let (typed, error) = (typed.clone(), error.clone());
        use_effect_with(props.date, move |date| {
            typed.set(format_date(*date));
            error.set(None);
        });
    }
    let action = |action: FilterAction| props.onfilter.reform(move |_: MouseEvent| action.clone());
    let oninput = {
        let typed = typed.clone();
        Callback::from(move |event: InputEvent| {
            typed.set(event.target_unchecked_into::<HtmlInputElement>().value());
        })
    };
    // What is in the input when it is applied (Enter, or leaving it), which is also what
    // `typed` then holds.
    let apply = {
        let (typed, error, onfilter) = (typed.clone(), error.clone(), props.onfilter.clone());
        move |text: String| {
            match parse_date(&text) {
                Ok(date) => {
                    error.set(None);
                    onfilter.emit(FilterAction::Date(date));
                }
                Err(reason) => error.set(Some(reason.to_string().into())),
            }
            typed.set(text);
        }
    };
    let onkeydown = {
        let apply = apply.clone();
        Callback::from(move |event: KeyboardEvent| {
            if event.key() == "Enter" {
                event.prevent_default();
                apply(event.target_unchecked_into::<HtmlInputElement>().value());
            }
        })
    };
    let onpick = {
        let apply = apply.clone();
        Callback::from(move |text: String| apply(text))
    };
    let onchange = Callback::from(move |event: Event| {
        apply(event.target_unchecked_into::<HtmlInputElement>().value());
    });
    let on_kind = props.onfilter.reform(|event: Event| {
        let value = event.target_unchecked_into::<HtmlSelectElement>().value();
        FilterAction::Kind(match value.as_str() {
            "os" => Some(VisitKind::WorkOrder),
            "site-survey" => Some(VisitKind::SiteSurvey),
            _ => None,
        })
    });
    let on_color = props.onfilter.reform(|event: Event| {
        let value = event.target_unchecked_into::<HtmlSelectElement>().value();
        FilterAction::ColorBy(if value == "status" {
            ColorBy::Status
        } else {
            ColorBy::Type
        })
    });
    let view_button = |view: View| {
        let id = match view {
            View::Day => "agenda-dia",
            View::Week => "agenda-semana",
            View::Month => "agenda-mes",
        };
        html! {
            <button
                {id}
                type="button"
                class={classes!((props.view == view).then_some("active"))}
                aria-pressed={(props.view == view).to_string()}
                onclick={action(FilterAction::View(view))}
            >
                { view.label() }
            </button>
        }
    };
    let onundo = props.onundo.reform(|_: MouseEvent| ());
    html! {
        <div class="agenda-toolbar">
            <div class="agenda-views" role="group" aria-label="Visualização">
                { for View::ALL.into_iter().map(view_button) }
            </div>
            <div class="agenda-date">
                <button id="agenda-anterior" type="button" aria-label="Anterior" onclick={action(FilterAction::Step(-1))}>{ "‹" }</button>
                <input
                    id="agenda-data"
                    type="text"
                    inputmode="numeric"
                    autocomplete="off"
                    aria-label="Data"
                    placeholder="dd/mm/aaaa"
                    value={(*typed).clone()}
                    aria-invalid={error.is_some().then_some("true")}
                    {oninput}
                    {onchange}
                    {onkeydown}
                />
                <DatePicker for_id="agenda-data" value={(*typed).clone()} {onpick} />
                <button id="agenda-proximo" type="button" aria-label="Próximo" onclick={action(FilterAction::Step(1))}>{ "›" }</button>
                <button id="agenda-hoje" type="button" onclick={action(FilterAction::Date(props.today))}>{ "Hoje" }</button>
                <FieldError field={fields::DATE} message={(*error).clone()} />
            </div>
            <h2 id="agenda-periodo" class="agenda-title">{ title(props.view, props.date) }</h2>
            <label class="agenda-inline">
                { "Tipo" }
                <select id="agenda-tipo" onchange={on_kind}>
                    <option value="" selected={props.kind.is_none()}>{ "Todas" }</option>
                    <option value="os" selected={props.kind == Some(VisitKind::WorkOrder)}>{ "Somente O.S." }</option>
                    <option value="site-survey" selected={props.kind == Some(VisitKind::SiteSurvey)}>{ "Somente Site Survey" }</option>
                </select>
            </label>
            <label class="agenda-inline">
                { "Cor por" }
                <select id="agenda-cor" onchange={on_color}>
                    <option value="tipo" selected={props.color_by == ColorBy::Type}>{ "Tipo" }</option>
                    <option value="status" selected={props.color_by == ColorBy::Status}>{ "Status" }</option>
                </select>
            </label>
            <button id="agenda-atualizar" type="button" disabled={props.loading} onclick={props.onreload.reform(|_: MouseEvent| ())}>
                { if props.loading { "Carregando…" } else { "Atualizar" } }
            </button>
            <button id="agenda-desfazer" type="button" disabled={!props.can_undo} title="Ctrl+Z" onclick={onundo}>
                { "Desfazer" }
            </button>
        </div>
    }
}

const MONTHS: [&str; 12] = [
    "Janeiro",
    "Fevereiro",
    "Março",
    "Abril",
    "Maio",
    "Junho",
    "Julho",
    "Agosto",
    "Setembro",
    "Outubro",
    "Novembro",
    "Dezembro",
];

/// What the view shows, as a title: "Sáb 28/11/2026", "23/11 a 29/11/2026",
/// "Novembro de 2026".
pub fn title(view: View, date: NaiveDate) -> String {
    match view {
        View::Day => format!("{} {}", weekday(date), format_date(date)),
        View::Week => {
            let days = days_of(View::Week, date);
            match (days.first(), days.last()) {
                (Some(first), Some(last)) => {
                    format!("{} a {}", first.format("%d/%m"), format_date(*last))
                }
                _ => format_date(date),
            }
        }
        View::Month => format!("{} de {}", MONTHS[date.month0() as usize], date.year()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_title_says_what_the_view_shows() {
        let date = NaiveDate::from_ymd_opt(2026, 11, 28).expect("a date");
        assert_eq!(title(View::Day, date), "Sáb 28/11/2026");
        assert_eq!(title(View::Week, date), "23/11 a 29/11/2026");
        assert_eq!(title(View::Month, date), "Novembro de 2026");
    }
}
