//! The week of business hours: each weekday's opening intervals ("08:00" to "12:00", and
//! "13:00" to "18:00" after lunch), added and removed, then "Salvar". A refused week keeps
//! what was typed and shows each reason at its field.
use helpdesk_api::{LoadBusinessHours, SaveBusinessHours, Week, WeekForm};
use helpdesk_core::business_hours::{fields, IntervalForm, WEEKDAYS};
use yew::prelude::*;

use crate::components::{FormError, TextField};
use crate::hooks::{use_command, use_submit, SubmitHandle};

/// The weekdays in the order they are shown: Monday first, Sunday last.
const SHOWN: [usize; 7] = [1, 2, 3, 4, 5, 6, 0];

/// `section#expediente-semana`, once the week is read.
#[function_component]
pub fn WeekSection() -> Html {
    let week = use_command::<LoadBusinessHours>(());
    html! {
        <section id="expediente-semana" aria-labelledby="expediente-semana-titulo">
            <h2 id="expediente-semana-titulo">{ "Expediente da semana" }</h2>
            { match (week.value(), week.error_message()) {
                (_, Some(message)) => html! { <FormError {message} /> },
                (None, None) => html! { <p aria-busy="true">{ "Carregando…" }</p> },
                (Some(week), None) => html! { <WeekEditor stored={week.clone()} /> },
            } }
        </section>
    }
}

/// Props of [`WeekEditor`].
#[derive(Properties, PartialEq)]
struct WeekEditorProps {
    /// The week as stored when the screen opened.
    stored: Week,
}

/// Which time of an interval.
#[derive(Clone, Copy)]
enum Time {
    Opens,
    Closes,
}

/// `form#expediente-form`: a fieldset per weekday, "Salvar".
#[function_component]
fn WeekEditor(props: &WeekEditorProps) -> Html {
    let form = use_state(|| WeekForm::of(&props.stored));
    // The week as stored now, for the note on calendar hours.
    let stored = use_state(|| props.stored.clone());
    let saved = use_state(|| false);
    let submit = use_submit::<SaveBusinessHours>();

    // Every message of a day goes once its intervals move (their places change).
    let forget_day = |submit: &SubmitHandle<SaveBusinessHours>, day: usize| {
        let prefix = fields::day(day);
        submit.moved(|field| field.starts_with(&prefix));
    };
    let edit = |day: usize, index: usize, time: Time| {
        let (form, submit, saved) = (form.clone(), submit.clone(), saved.clone());
        Callback::from(move |value: String| {
            let mut next = (*form).clone();
            if let Some(interval) = next.days[day].get_mut(index) {
                match time {
                    Time::Opens => interval.opens_at = value,
                    Time::Closes => interval.closes_at = value,
                }
            }
            submit.edited(&match time {
                Time::Opens => fields::opens(day, index),
                Time::Closes => fields::closes(day, index),
            });
            form.set(next);
            saved.set(false);
        })
    };
    let add = |day: usize| {
        let (form, submit, saved) = (form.clone(), submit.clone(), saved.clone());
        Callback::from(move |_: MouseEvent| {
            let mut next = (*form).clone();
            forget_day(&submit, day);
            next.days[day].push(IntervalForm::default());
            form.set(next);
            saved.set(false);
        })
    };
    let remove = |day: usize, index: usize| {
        let (form, submit, saved) = (form.clone(), submit.clone(), saved.clone());
        Callback::from(move |_: MouseEvent| {
            let mut next = (*form).clone();
            forget_day(&submit, day);
            if index < next.days[day].len() {
                next.days[day].remove(index);
            }
            form.set(next);
            saved.set(false);
        })
    };
    let onsubmit = {
        let (form, stored, saved, submit) =
            (form.clone(), stored.clone(), saved.clone(), submit.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let found = form.parse().err().unwrap_or_default();
            let done = {
                let (form, stored, saved) = (form.clone(), stored.clone(), saved.clone());
                Callback::from(move |week: Week| {
                    form.set(WeekForm::of(&week));
                    stored.set(week);
                    saved.set(true);
                })
            };
            submit.send((*form).clone(), found, done);
        })
    };

    let day_html = |day: usize| {
        let intervals = &form.days[day];
        html! {
            <fieldset key={day} id={format!("expediente-dia-{day}")} class="business-day">
                <legend>{ WEEKDAYS[day] }</legend>
                if intervals.is_empty() {
                    <span class="muted">{ "Fechado" }</span>
                }
                { for intervals.iter().enumerate().map(|(index, interval)| {
                    let (opens, closes) = (fields::opens(day, index), fields::closes(day, index));
                    html! {
                        <div class="business-interval">
                            <TextField id={opens.clone()} label="Início" placeholder="08:00"
                                inputmode="numeric" autocomplete="off" maxlength="5"
                                value={interval.opens_at.clone()} error={submit.error(&opens)}
                                oninput={edit(day, index, Time::Opens)} />
                            <TextField id={closes.clone()} label="Fim" placeholder="18:00"
                                inputmode="numeric" autocomplete="off" maxlength="5"
                                value={interval.closes_at.clone()} error={submit.error(&closes)}
                                oninput={edit(day, index, Time::Closes)} />
                            <button id={format!("expediente-{day}-{index}-remover")} type="button"
                                onclick={remove(day, index)}>{ "Remover" }</button>
                        </div>
                    }
                }) }
                <button id={format!("expediente-{day}-adicionar")} type="button" onclick={add(day)}>
                    { "Adicionar intervalo" }
                </button>
            </fieldset>
        }
    };
    let every_field: Vec<String> = (0..7)
        .flat_map(|day| {
            (0..form.days[day].len())
                .flat_map(move |index| [fields::opens(day, index), fields::closes(day, index)])
        })
        .collect();
    let every_field: Vec<&str> = every_field.iter().map(String::as_str).collect();
    html! {
        <form id="expediente-form" class="admin-form business-week" novalidate=true {onsubmit}>
            if stored.is_empty() {
                <p id="expediente-vazio" class="hint">
                    { "Nenhum horário de expediente definido: todos os prazos contam horas corridas." }
                </p>
            }
            <p class="hint">{ "Horários em hh:mm, do início ao fim de cada intervalo; um dia pode ter mais de um (a pausa do almoço fica fora)." }</p>
            { for SHOWN.into_iter().map(day_html) }
            <FormError message={submit.unplaced(&every_field)} />
            if *saved {
                <p id="expediente-salvo" class="saved-note" role="status">{ "Expediente salvo." }</p>
            }
            <div class="form-actions">
                <button id="expediente-salvar" type="submit" class="primary" disabled={submit.sending()}>
                    { if submit.sending() { "Salvando…" } else { "Salvar" } }
                </button>
            </div>
        </form>
    }
}
