//! The calendar beside a date field ("dd/mm/aaaa"): a button that opens the month of the
//! date typed (or today's), "‹" / "›" to move a month, a day clicked to fill the field.
//! Typing the date keeps working; the calendar is one more way in.
use chrono::NaiveDate;
use helpdesk_core::calendar::{month_of, month_title, shift_month, weeks, WEEKDAYS};
use helpdesk_core::date::{day_of, format_date, parse_date};
use yew::prelude::*;

use crate::dom::local_offset_minutes;

/// Props of [`DatePicker`].
#[derive(Properties, PartialEq)]
pub struct DatePickerProps {
    /// The date field's `id`: the button is `<id>-calendario`, the month `<id>-mes`.
    pub for_id: AttrValue,
    /// What the field holds now ("dd/mm/aaaa", possibly half typed).
    pub value: AttrValue,
    /// A day chosen, as "dd/mm/aaaa".
    pub onpick: Callback<String>,
    #[prop_or_default]
    pub disabled: bool,
}

/// `button.date-picker-open` and, open, `div.date-picker[role=dialog]` with the month's
/// `table` of `button[data-date="aaaa-mm-dd"]`.
#[function_component]
pub fn DatePicker(props: &DatePickerProps) -> Html {
    let shown = use_state(|| None::<NaiveDate>);
    let today = day_of(js_sys::Date::now() as i64, local_offset_minutes());
    let typed = parse_date(&props.value).ok();
    let onopen = {
        let shown = shown.clone();
        Callback::from(move |_: MouseEvent| {
            shown.set(match *shown {
                Some(_) => None,
                None => Some(month_of(typed.unwrap_or(today))),
            })
        })
    };
    let button_id = format!("{}-calendario", props.for_id);
    let opener = html! {
        <button id={button_id.clone()} type="button" class="date-picker-open"
            aria-label="Escolher no calendário" title="Escolher no calendário"
            aria-expanded={shown.is_some().to_string()} disabled={props.disabled} onclick={onopen}>
            { "▦" }
        </button>
    };
    let Some(month) = *shown else {
        return opener;
    };
    let go = |delta: i32| {
        let shown = shown.clone();
        Callback::from(move |_: MouseEvent| shown.set(Some(shift_month(month, delta))))
    };
    let onkeydown = {
        let shown = shown.clone();
        Callback::from(move |event: KeyboardEvent| {
            if event.key() == "Escape" {
                event.prevent_default();
                event.stop_propagation();
                shown.set(None);
            }
        })
    };
    let day = |date: Option<NaiveDate>| {
        let Some(date) = date else {
            return html! { <td></td> };
        };
        let onclick = {
            let (shown, onpick) = (shown.clone(), props.onpick.clone());
            Callback::from(move |_: MouseEvent| {
                onpick.emit(format_date(date));
                shown.set(None);
            })
        };
        let class = classes!(
            (Some(date) == typed).then_some("chosen"),
            (date == today).then_some("today")
        );
        html! {
            <td>
                <button type="button" {class} data-date={date.to_string()}
                    aria-label={format_date(date)} {onclick}>
                    { date.format("%-d").to_string() }
                </button>
            </td>
        }
    };
    html! {
        // Esc closes the month only, not a dialog the field is in (`data-own-escape`).
        <span class="date-picker-anchor" data-own-escape="" {onkeydown}>
            { opener }
            <div class="date-picker" role="dialog" aria-label="Calendário">
                <div class="date-picker-head">
                    <button type="button" class="date-picker-prev" aria-label="Mês anterior"
                        onclick={go(-1)}>{ "‹" }</button>
                    <span id={format!("{}-mes", props.for_id)} class="date-picker-month">
                        { month_title(month) }
                    </span>
                    <button type="button" class="date-picker-next" aria-label="Próximo mês"
                        onclick={go(1)}>{ "›" }</button>
                </div>
                <table>
                    <thead><tr>{ for WEEKDAYS.iter().map(|initial| html! { <th>{ *initial }</th> }) }</tr></thead>
                    <tbody>
                        { for weeks(month).into_iter().map(|week| html! {
                            <tr>{ for week.into_iter().map(day) }</tr>
                        }) }
                    </tbody>
                </table>
            </div>
        </span>
    }
}
