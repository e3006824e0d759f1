//! The holidays of a year: the list (each removable), a holiday added by date and name, and
//! "Incluir feriados nacionais de <ano>", which adds the national ones missing (again, it
//! adds nothing).
use chrono::{Datelike, NaiveDate};
use helpdesk_api::{
    AddHoliday, AddNationalHolidays, Holiday, HolidayForm, ListHolidays, RemoveHoliday,
};
use helpdesk_core::business_hours::{fields, MAX_YEAR, MIN_YEAR, WEEKDAYS};
use helpdesk_core::date::format_date;
use yew::prelude::*;

use crate::components::{FormError, TextField};
use crate::hooks::{use_command, use_submit};

/// This desktop's year now.
fn this_year() -> i32 {
    i32::try_from(js_sys::Date::new_0().get_full_year()).unwrap_or(2026)
}

/// "25/12/2026 (sexta-feira)".
fn day_text(day: NaiveDate) -> String {
    let weekday = WEEKDAYS[day.weekday().num_days_from_sunday() as usize];
    format!("{} ({})", format_date(day), weekday.to_lowercase())
}

/// `section#feriados-secao`.
#[function_component]
pub fn HolidaysSection() -> Html {
    let year = use_state(this_year);
    let list = use_command::<ListHolidays>(*year);
    let form = use_state(HolidayForm::default);
    let adding = use_submit::<AddHoliday>();
    let removing = use_submit::<RemoveHoliday>();
    let national = use_submit::<AddNationalHolidays>();
    // What the last action did, for the note under the list.
    let note = use_state(|| None::<String>);

    let go_to = |step: i32| {
        let (year, note) = (year.clone(), note.clone());
        Callback::from(move |_: MouseEvent| {
            year.set((*year + step).clamp(MIN_YEAR, MAX_YEAR));
            note.set(None);
        })
    };
    let edit = |apply: fn(&mut HolidayForm, String), field: &'static str| {
        let (form, adding) = (form.clone(), adding.clone());
        Callback::from(move |value: String| {
            let mut next = (*form).clone();
            apply(&mut next, value);
            form.set(next);
            adding.edited(field);
        })
    };
    let onadd = {
        let (form, adding, year, note, reload) = (
            form.clone(),
            adding.clone(),
            year.clone(),
            note.clone(),
            list.reload(),
        );
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let found = form.parse().err().unwrap_or_default();
            let done = {
                let (form, year, note, reload) =
                    (form.clone(), year.clone(), note.clone(), reload.clone());
                Callback::from(move |holiday: Holiday| {
                    form.set(HolidayForm::default());
                    note.set(Some(format!(
                        "Feriado incluído: {} · {}.",
                        format_date(holiday.day),
                        holiday.name
                    )));
                    // The list of its year: read again when the year changes, else now.
                    if holiday.day.year() == *year {
                        reload.emit(());
                    } else {
                        year.set(holiday.day.year());
                    }
                })
            };
            adding.send((*form).clone(), found, done);
        })
    };
    let remove = |holiday: &Holiday| {
        let (removing, note, reload) = (removing.clone(), note.clone(), list.reload());
        let (id, name) = (holiday.id, holiday.name.clone());
        Callback::from(move |_: MouseEvent| {
            let (note, reload, name) = (note.clone(), reload.clone(), name.clone());
            let done = Callback::from(move |()| {
                note.set(Some(format!("Feriado removido: {name}.")));
                reload.emit(());
            });
            removing.send(id, Vec::new(), done);
        })
    };
    let on_national = {
        let (national, note, reload, year) = (national.clone(), note.clone(), list.reload(), *year);
        Callback::from(move |_: MouseEvent| {
            let (note, reload) = (note.clone(), reload.clone());
            let done = Callback::from(move |added: Vec<Holiday>| {
                note.set(Some(match added.len() {
                    0 => format!("Os feriados nacionais de {year} já estavam todos na lista."),
                    1 => format!("1 feriado nacional de {year} incluído."),
                    count => format!("{count} feriados nacionais de {year} incluídos."),
                }));
                reload.emit(());
            });
            national.send(year, Vec::new(), done);
        })
    };

    let shown = *year;
    let failure = list
        .error_message()
        .or_else(|| removing.unplaced(&[]))
        .or_else(|| national.unplaced(&[]));
    html! {
        <section id="feriados-secao" aria-labelledby="feriados-titulo">
            <h2 id="feriados-titulo">{ "Feriados" }</h2>
            <div class="admin-toolbar">
                <button id="feriados-ano-anterior" type="button" onclick={go_to(-1)}
                    aria-label="Ano anterior" disabled={shown <= MIN_YEAR}>{ "◀" }</button>
                <strong id={fields::YEAR}>{ shown }</strong>
                <button id="feriados-ano-seguinte" type="button" onclick={go_to(1)}
                    aria-label="Próximo ano" disabled={shown >= MAX_YEAR}>{ "▶" }</button>
                <span class="spacer"></span>
                <button id="feriados-nacionais" type="button" onclick={on_national}
                    disabled={national.sending()}>
                    { format!("Incluir feriados nacionais de {shown}") }
                </button>
            </div>
            <FormError message={failure} />
            { match list.value() {
                None => html! { <p aria-busy="true">{ "Carregando…" }</p> },
                Some(holidays) if holidays.is_empty() => html! {
                    <p id="feriados-vazio" class="empty">{ format!("Nenhum feriado em {shown}.") }</p>
                },
                Some(holidays) => html! {
                    <ul id="feriados" class="holidays">
                        { for holidays.iter().map(|holiday| html! {
                            <li key={holiday.id.to_string()} data-day={holiday.day.to_string()}>
                                <span class="holiday-day">{ day_text(holiday.day) }</span>
                                { " · " }
                                <span class="holiday-name">{ holiday.name.clone() }</span>
                                { " " }
                                <button type="button" class="remover-feriado"
                                    aria-label={format!("Remover {}", holiday.name)}
                                    onclick={remove(holiday)} disabled={removing.sending()}>
                                    { "Remover" }
                                </button>
                            </li>
                        }) }
                    </ul>
                },
            } }
            if let Some(text) = (*note).clone() {
                <p id="feriados-nota" class="saved-note" role="status">{ text }</p>
            }
            <form id="feriado-form" class="admin-form" novalidate=true onsubmit={onadd}>
                <h3>{ "Novo feriado" }</h3>
                <TextField id={fields::HOLIDAY_DAY} label="Data" required=true placeholder="dd/mm/aaaa"
                    inputmode="numeric" autocomplete="off" calendar=true value={form.day.clone()}
                    error={adding.error(fields::HOLIDAY_DAY)}
                    oninput={edit(|f, v| f.day = v, fields::HOLIDAY_DAY)} />
                <TextField id={fields::HOLIDAY_NAME} label="Nome" required=true autocomplete="off"
                    value={form.name.clone()} error={adding.error(fields::HOLIDAY_NAME)}
                    oninput={edit(|f, v| f.name = v, fields::HOLIDAY_NAME)} />
                <FormError message={adding.unplaced(&[fields::HOLIDAY_DAY, fields::HOLIDAY_NAME])} />
                <div class="form-actions">
                    <button id="feriado-incluir" type="submit" disabled={adding.sending()}>
                        { "Incluir feriado" }
                    </button>
                </div>
            </form>
        </section>
    }
}
