//! `<Agenda>`: the toolbar, the technician filters and the view, loading what they ask for
//! and saving what the operator changes. Reused by the "Agenda Técnica" page and by the
//! wizard's "Ord. Serviço" step.
use std::rc::Rc;

use chrono::NaiveDate;
use helpdesk_api::{LoadAgenda, LoadWorkOrderCatalog, Technician, Uuid};
use helpdesk_core::agenda::{days_of, range_of, HourSpan, View};
use helpdesk_core::date::day_of;
use helpdesk_core::work_order::{clash_message, clashes, Slot};
use wasm_bindgen_futures::spawn_local;
use web_sys::{HtmlElement, KeyboardEvent};
use yew::prelude::*;

use super::clash_dialog::ClashDialog;
use super::items::{columns, items};
use super::keys::is_undo;
use super::month_view::MonthView;
use super::save::{commit, propose};
use super::selection_bar::SelectionBar;
use super::state::{AgendaAction, AgendaState, Change};
use super::technician_filters::TechnicianFilters;
use super::time_grid::TimeGrid;
use super::toolbar::Toolbar;
use crate::api;
use crate::components::FormError;
use crate::dom::local_offset_minutes;

/// Props of [`Agenda`].
#[derive(Properties, PartialEq)]
pub struct AgendaProps {
    /// The logged-in operator ("Meu Usuário").
    pub operator_id: Uuid,
    /// The date shown first (today when `None`).
    #[prop_or_default]
    pub date: Option<NaiveDate>,
    /// When set, a slot selected on the grid (a click, a drag down one column, or the
    /// keyboard) offers "Agendar Ordem de Serviço", which emits it.
    #[prop_or_default]
    pub onschedule: Option<Callback<Slot>>,
    /// The wizard's work order not saved yet, with its label: drawn dashed.
    #[prop_or_default]
    pub tentative: Option<(Slot, AttrValue)>,
    /// The tentative work order dragged, resized or moved with the keys: its new slot.
    #[prop_or_default]
    pub ontentative: Option<Callback<Slot>>,
    /// The technicians shown, each time the filters change them.
    #[prop_or_default]
    pub ontechnicians: Option<Callback<Vec<Technician>>>,
}

/// `section#agenda`.
#[function_component]
pub fn Agenda(props: &AgendaProps) -> Html {
    let offset = local_offset_minutes();
    let today = day_of(js_sys::Date::now() as i64, offset);
    let state = {
        let (operator, date) = (props.operator_id, props.date.unwrap_or(today));
        use_reducer(move || AgendaState::new(operator, offset, date))
    };
    let dispatch = state.dispatcher();
    let view_box = use_node_ref();
    {
        // Another view starts at its top, not where the last one was scrolled to.
        let view_box = view_box.clone();
        use_effect_with(state.view, move |_| {
            if let Some(element) = view_box.cast::<web_sys::Element>() {
                element.set_scroll_top(0);
            }
        });
    }

    {
        let dispatch = dispatch.clone();
        use_effect_with((), move |_| {
            spawn_local(async move {
                match api::invoke::<LoadWorkOrderCatalog>(&()).await {
                    Ok(catalog) => {
                        dispatch.dispatch(AgendaAction::CatalogLoaded(catalog.technicians))
                    }
                    Err(error) => dispatch.dispatch(AgendaAction::Failed(error.message.into())),
                }
            });
        });
    }
    {
        let dispatch = dispatch.clone();
        use_effect_with((state.query(), state.reload), move |(query, _)| {
            if let Some(query) = query.clone() {
                spawn_local(async move {
                    match api::invoke::<LoadAgenda>(&query).await {
                        Ok(visits) => dispatch.dispatch(AgendaAction::Loaded(query, visits)),
                        Err(error) => dispatch.dispatch(AgendaAction::Failed(error.message.into())),
                    }
                });
            }
        });
    }
    {
        let shown: Vec<Technician> = state.shown_technicians().into_iter().cloned().collect();
        let ontechnicians = props.ontechnicians.clone();
        use_effect_with(shown, move |shown| {
            if let Some(ontechnicians) = ontechnicians {
                ontechnicians.emit(shown.clone());
            }
        });
    }

    let onchange = {
        let (state, ontentative) = (state.clone(), props.ontentative.clone());
        Callback::from(move |change: Change| propose(&state, change, &ontentative))
    };
    let onundo = {
        let (state, ontentative) = (state.clone(), props.ontentative.clone());
        Callback::from(move |()| {
            if state.pending.is_none() {
                if let Some(change) = state.undo_change() {
                    propose(&state, change, &ontentative);
                }
            }
        })
    };
    let onkeydown = {
        let onundo = onundo.clone();
        Callback::from(move |event: KeyboardEvent| {
            let typing = event
                .target_dyn_into::<HtmlElement>()
                .is_some_and(|target| {
                    matches!(target.tag_name().as_str(), "INPUT" | "SELECT" | "TEXTAREA")
                });
            if !typing
                && is_undo(
                    &event.key(),
                    event.ctrl_key(),
                    event.meta_key(),
                    event.shift_key(),
                )
            {
                event.prevent_default();
                onundo.emit(());
            }
        })
    };

    let view = state.view;
    let range = range_of(view, state.date, offset);
    let items = Rc::new(items(&state, props.tentative.as_ref()));
    let shown = state.shown_technicians();
    let editing = state.editing.map(|(target, _)| target);
    let single = (shown.len() == 1).then(|| shown[0].id);
    let selectable = props.onschedule.is_some()
        && (view == View::Day || (view == View::Week && single.is_some()));
    let loading = state.is_loading() && state.error.is_none();

    let body = if state.technicians.is_none() {
        if state.error.is_none() {
            html! { <p class="agenda-empty" aria-busy="true">{ "Carregando a agenda…" }</p> }
        } else {
            Html::default()
        }
    } else if shown.is_empty() {
        html! { <p id="agenda-vazia" class="agenda-empty">{ "Nenhum técnico selecionado." }</p> }
    } else if view == View::Month {
        html! {
            <MonthView
                days={Rc::new(days_of(view, state.date))}
                {range}
                date={state.date}
                {today}
                items={items.clone()}
                {editing}
                offset_minutes={offset}
                dispatch={dispatch.clone()}
                onchange={onchange.clone()}
            />
        }
    } else {
        let span = HourSpan::covering(items.iter().map(|item| &item.slot), range);
        html! {
            <TimeGrid
                columns={Rc::new(columns(&state))}
                items={items.clone()}
                {span}
                show_technician={view == View::Week}
                week_technician={single.filter(|_| view == View::Week)}
                {selectable}
                selection={state.selection.filter(|_| selectable)}
                cursor={state.cursor.filter(|_| selectable)}
                {editing}
                offset_minutes={offset}
                dispatch={dispatch.clone()}
                onchange={onchange.clone()}
            />
        }
    };

    let selection_bar = match (&props.onschedule, state.selection.filter(|_| selectable)) {
        (Some(onschedule), Some(slot)) => {
            let technician = shown
                .iter()
                .find(|technician| technician.id == slot.technician_id)
                .map_or_else(AttrValue::default, |technician| {
                    technician.name.clone().into()
                });
            let clashing: Vec<_> = clashes(&state.visits, &slot, None)
                .into_iter()
                .cloned()
                .collect();
            let clash =
                (!clashing.is_empty()).then(|| AttrValue::from(clash_message(&clashing, offset)));
            let onschedule = {
                let (onschedule, dispatch) = (onschedule.clone(), dispatch.clone());
                Callback::from(move |slot: Slot| {
                    dispatch.dispatch(AgendaAction::Select(None));
                    onschedule.emit(slot);
                })
            };
            let oncancel = {
                let dispatch = dispatch.clone();
                Callback::from(move |()| dispatch.dispatch(AgendaAction::Select(None)))
            };
            html! {
                <SelectionBar {slot} {technician} {clash} offset_minutes={offset} {onschedule} {oncancel} />
            }
        }
        _ => Html::default(),
    };

    let question = state.question.clone().map(|question| {
        let onaccept = {
            let (state, ontentative) = (state.clone(), props.ontentative.clone());
            let change = question.change;
            Callback::from(move |()| commit(&state, change, true, &ontentative))
        };
        let oncancel = {
            let dispatch = dispatch.clone();
            Callback::from(move |()| dispatch.dispatch(AgendaAction::Dismiss))
        };
        html! { <ClashDialog message={question.message} {onaccept} {oncancel} /> }
    });
    let dismiss_notice = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(AgendaAction::Notice(None)))
    };

    html! {
        <section id="agenda" class="agenda" data-own-escape="true" data-view={view.label()} data-loading={loading.then_some("true")} {onkeydown}>
            <Toolbar
                {view}
                date={state.date}
                {today}
                kind={state.kind}
                color_by={state.color_by}
                {loading}
                can_undo={!state.undo.is_empty() && state.pending.is_none()}
                dispatch={dispatch.clone()}
                {onundo}
            />
            <FormError message={state.error.clone()} />
            if let Some(notice) = &state.notice {
                <p id="agenda-aviso" class="agenda-notice" role="status">
                    <span>{ notice.clone() }</span>
                    <button type="button" class="link" aria-label="Fechar aviso" onclick={dismiss_notice}>{ "×" }</button>
                </p>
            }
            { selection_bar }
            <div class="agenda-main">
                if let Some(technicians) = &state.technicians {
                    <TechnicianFilters
                        technicians={technicians.clone()}
                        filter={state.filter.clone()}
                        operator_id={props.operator_id}
                        dispatch={dispatch.clone()}
                    />
                }
                <div ref={view_box} class="agenda-view" aria-busy={loading.to_string()}>{ body }</div>
            </div>
            { for question }
        </section>
    }
}
