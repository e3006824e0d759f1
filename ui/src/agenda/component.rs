//! `<Agenda>`: the toolbar, the technician filters and the view, loading what they ask for
//! and saving what the operator changes. Reused by the "Agenda Técnica" page and by the
//! wizard's "Ord. Serviço" step. It holds the reducer; each part gets its slice and its
//! callbacks.
use std::rc::Rc;

use chrono::NaiveDate;
use helpdesk_api::{Technician, Uuid};
use helpdesk_core::agenda::{days_of, range_of, HourSpan, View};
use helpdesk_core::date::day_of;
use helpdesk_core::work_order::Slot;
use web_sys::{HtmlElement, KeyboardEvent};
use yew::prelude::*;

use super::clash_dialog::ClashDialog;
use super::items::{columns, items, Item};
use super::keys::is_undo;
use super::loaders::use_agenda_loading;
use super::month_view::MonthView;
use super::save::{commit, propose};
use super::selection_bar::SelectionBar;
use super::state::{
    AgendaAction, AgendaState, Change, ChangeAction, FilterAction, KeyAction, LoadAction,
};
use super::technician_filters::TechnicianFilters;
use super::time_grid::TimeGrid;
use super::toolbar::Toolbar;
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
    /// The team shown first ("Equipe"; every technician when `None`).
    #[prop_or_default]
    pub team_id: Option<Uuid>,
    /// When set, a slot selected on the grid (a click, a drag down one column, or the
    /// keyboard) offers "Agendar Ordem de Serviço", which emits it.
    #[prop_or_default]
    pub onschedule: Option<Callback<Slot>>,
    /// The usual length of the work order's type, in minutes: what a click on an empty
    /// slot proposes (one 15-minute cell when `None`).
    #[prop_or_default]
    pub usual_minutes: Option<u32>,
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

/// The callbacks the agenda's parts are given.
#[derive(Clone)]
struct Handlers {
    onfilter: Callback<FilterAction>,
    onkey: Callback<KeyAction>,
    onoutside: Callback<()>,
    /// A change proposed by a drop or the keys.
    onchange: Callback<Change>,
}

/// `section#agenda`.
#[function_component]
pub fn Agenda(props: &AgendaProps) -> Html {
    let offset = local_offset_minutes();
    let today = day_of(js_sys::Date::now() as i64, offset);
    let state = {
        let (operator, date) = (props.operator_id, props.date.unwrap_or(today));
        let team_id = props.team_id;
        use_reducer(move || {
            let mut state = AgendaState::new(operator, offset, date);
            state.filters.filter.team_id = team_id;
            state
        })
    };
    let dispatch = state.dispatcher();
    let view_box = use_node_ref();
    {
        // Another view starts at its top, not where the last one was scrolled to.
        let view_box = view_box.clone();
        use_effect_with(state.filters.view, move |_| {
            if let Some(element) = view_box.cast::<web_sys::Element>() {
                element.set_scroll_top(0);
            }
        });
    }
    use_agenda_loading(&state);
    {
        let shown: Vec<Technician> = state.shown_technicians().into_iter().cloned().collect();
        let ontechnicians = props.ontechnicians.clone();
        use_effect_with(shown, move |shown| {
            if let Some(ontechnicians) = ontechnicians {
                ontechnicians.emit(shown.clone());
            }
        });
    }

    // Built once (the dispatcher does not change, nor the type's length while the agenda
    // is open), so the parts given only these are not drawn again when something else
    // changes.
    let dispatched = use_memo(props.usual_minutes, {
        let dispatch = dispatch.clone();
        move |usual_minutes| {
            let usual_minutes = *usual_minutes;
            (
                on(&dispatch, AgendaAction::Filter),
                on(&dispatch, move |key: KeyAction| {
                    AgendaAction::Key(key.proposing(usual_minutes))
                }),
                on(&dispatch, |()| {
                    AgendaAction::Change(ChangeAction::Notice(Some(
                        "Solte a visita dentro da agenda.".into(),
                    )))
                }),
            )
        }
    });
    let (onfilter, onkey, onoutside) = (*dispatched).clone();
    let handlers = Handlers {
        onfilter,
        onkey,
        onoutside,
        onchange: {
            let (state, ontentative) = (state.clone(), props.ontentative.clone());
            Callback::from(move |change: Change| propose(&state, change, &ontentative))
        },
    };
    let onundo = {
        let (state, ontentative) = (state.clone(), props.ontentative.clone());
        Callback::from(move |()| {
            if state.changes.pending.is_none() {
                if let Some(change) = state.undo_change() {
                    propose(&state, change, &ontentative);
                }
            }
        })
    };
    let onkeydown = undo_key(onundo.clone());
    let question = state.changes.question.clone().map(|question| {
        let onaccept = {
            let (state, ontentative) = (state.clone(), props.ontentative.clone());
            let change = question.change;
            Callback::from(move |()| commit(&state, change, true, &ontentative))
        };
        let oncancel = on(&dispatch, |()| AgendaAction::Change(ChangeAction::Dismiss));
        html! { <ClashDialog message={question.message} {onaccept} {oncancel} /> }
    });
    let dismiss_notice = on(&dispatch, |_: MouseEvent| {
        AgendaAction::Change(ChangeAction::Notice(None))
    });

    let filters = &state.filters;
    let loading = state.is_loading() && state.loaded.error.is_none();
    let selectable = is_selectable(&state, props.onschedule.is_some());
    html! {
        <section id="agenda" class="agenda" data-own-escape="true" data-view={filters.view.label()} data-loading={loading.then_some("true")} {onkeydown}>
            <Toolbar
                view={filters.view}
                date={filters.date}
                {today}
                kind={filters.kind}
                color_by={filters.color_by}
                {loading}
                can_undo={!state.changes.undo.is_empty() && state.changes.pending.is_none()}
                onfilter={handlers.onfilter.clone()}
                onreload={on(&dispatch, |()| AgendaAction::Load(LoadAction::Reload))}
                {onundo}
            />
            <FormError message={state.loaded.error.clone()} />
            if let Some(notice) = &state.changes.notice {
                <p id="agenda-aviso" class="agenda-notice" role="status">
                    <span>{ notice.clone() }</span>
                    <button type="button" class="link" aria-label="Fechar aviso" onclick={dismiss_notice}>{ "×" }</button>
                </p>
            }
            { selection_bar(&state, selectable, props.onschedule.as_ref(), &handlers.onkey) }
            <div class="agenda-main">
                if let Some(technicians) = &state.loaded.technicians {
                    <TechnicianFilters
                        technicians={technicians.clone()}
                        filter={filters.filter.clone()}
                        operator_id={props.operator_id}
                        onfilter={handlers.onfilter.clone()}
                    />
                }
                <div ref={view_box} class="agenda-view" aria-busy={loading.to_string()}>
                    { view(&state, props.tentative.as_ref(), today, selectable, &handlers) }
                </div>
            </div>
            { for question }
        </section>
    }
}

/// A callback that dispatches the action `action` makes of its value.
fn on<T: 'static>(
    dispatch: &UseReducerDispatcher<AgendaState>,
    action: impl Fn(T) -> AgendaAction + 'static,
) -> Callback<T> {
    let dispatch = dispatch.clone();
    Callback::from(move |value| dispatch.dispatch(action(value)))
}

/// Ctrl+Z (⌘Z) outside a field: "Desfazer".
fn undo_key(onundo: Callback<()>) -> Callback<KeyboardEvent> {
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
}

/// Whether slots can be selected for "Agendar Ordem de Serviço" (`scheduling`): in "Dia",
/// or in "Semana" with one technician shown.
fn is_selectable(state: &AgendaState, scheduling: bool) -> bool {
    let view = state.filters.view;
    scheduling && (view == View::Day || (view == View::Week && single(state).is_some()))
}

/// The only technician shown, if one.
fn single(state: &AgendaState) -> Option<Uuid> {
    let shown = state.shown_technicians();
    (shown.len() == 1).then(|| shown[0].id)
}

/// The view chosen, or why there is none yet.
fn view(
    state: &AgendaState,
    tentative: Option<&(Slot, AttrValue)>,
    today: NaiveDate,
    selectable: bool,
    handlers: &Handlers,
) -> Html {
    let (view, date, offset) = (state.filters.view, state.filters.date, state.offset_minutes);
    if state.loaded.technicians.is_none() {
        return if state.loaded.error.is_none() {
            html! { <p class="agenda-empty" aria-busy="true">{ "Carregando a agenda…" }</p> }
        } else {
            Html::default()
        };
    }
    if state.shown_technicians().is_empty() {
        return html! { <p id="agenda-vazia" class="agenda-empty">{ "Nenhum técnico selecionado." }</p> };
    }
    let range = range_of(view, date, offset);
    let items: Rc<Vec<Item>> = Rc::new(items(state, tentative));
    let editing = state.keys.editing.map(|(target, _)| target);
    let Handlers {
        onfilter,
        onkey,
        onoutside,
        onchange,
    } = handlers.clone();
    if view == View::Month {
        return html! {
            <MonthView
                days={Rc::new(days_of(view, date))}
                {range}
                {date}
                {today}
                {items}
                {editing}
                offset_minutes={offset}
                {onfilter}
                {onkey}
                {onoutside}
                {onchange}
            />
        };
    }
    let span = HourSpan::covering(items.iter().map(|item| &item.slot), range);
    html! {
        <TimeGrid
            columns={Rc::new(columns(state))}
            {items}
            {span}
            show_technician={view == View::Week}
            week_technician={single(state).filter(|_| view == View::Week)}
            {selectable}
            selection={state.keys.selection.filter(|_| selectable)}
            cursor={state.keys.cursor.filter(|_| selectable)}
            {editing}
            offset_minutes={offset}
            {onkey}
            {onoutside}
            {onchange}
        />
    }
}

/// The slot selected, with "Agendar Ordem de Serviço" (`onschedule`), when there is one.
fn selection_bar(
    state: &AgendaState,
    selectable: bool,
    onschedule: Option<&Callback<Slot>>,
    onkey: &Callback<KeyAction>,
) -> Html {
    let (Some(onschedule), Some(slot)) = (onschedule, state.keys.selection.filter(|_| selectable))
    else {
        return Html::default();
    };
    let technician = state
        .shown_technicians()
        .iter()
        .find(|technician| technician.id == slot.technician_id)
        .map_or_else(AttrValue::default, |technician| {
            technician.name.clone().into()
        });
    let clash = state.clash_at(&slot).map(AttrValue::from);
    let onschedule = {
        let (onschedule, onkey) = (onschedule.clone(), onkey.clone());
        Callback::from(move |slot: Slot| {
            onkey.emit(KeyAction::Select(None));
            onschedule.emit(slot);
        })
    };
    let oncancel = onkey.reform(|()| KeyAction::Select(None));
    html! {
        <SelectionBar {slot} {technician} {clash} offset_minutes={state.offset_minutes} {onschedule} {oncancel} />
    }
}
