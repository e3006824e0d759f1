//! A ticket's due time with its SLA state ([`SlaState`]), as every list shows it.
use helpdesk_core::date::format_instant;
use helpdesk_core::sla_state::SlaState;
use yew::prelude::*;

/// Props of [`SlaMark`].
#[derive(Properties, PartialEq)]
pub struct SlaMarkProps {
    /// Unix ms UTC; `None`: no due time.
    pub due_at: Option<i64>,
    /// Unix ms UTC, once resolved.
    pub resolved_at: Option<i64>,
    /// The desktop's offset from UTC, in minutes.
    pub offset: i32,
}

/// `span.sla` with `data-sla` (the state's name) and a class per state: the due time, and
/// the state's label when it calls for attention (due soon, overdue, missed).
#[function_component]
pub fn SlaMark(props: &SlaMarkProps) -> Html {
    let Some(due) = props.due_at else {
        return html! { <span class="sla">{ "—" }</span> };
    };
    let state = SlaState::of(props.due_at, props.resolved_at, js_sys::Date::now() as i64);
    let (class, name, label) = match state {
        Some(state) => (
            sla_class(state),
            format!("{state:?}"),
            matches!(
                state,
                SlaState::DueSoon | SlaState::Overdue | SlaState::Missed
            )
            .then(|| state.label()),
        ),
        None => ("", String::new(), None),
    };
    html! {
        <span class={classes!("sla", class)} data-sla={name} title={state.map(SlaState::label)}>
            { format_instant(due, props.offset) }
            if let Some(label) = label {
                <span class="sla-label">{ label }</span>
            }
        </span>
    }
}

/// The class of a state (the colours are in tickets.css).
fn sla_class(state: SlaState) -> &'static str {
    match state {
        SlaState::OnTime => "sla-on-time",
        SlaState::DueSoon => "sla-due-soon",
        SlaState::Overdue => "sla-overdue",
        SlaState::Met => "sla-met",
        SlaState::Missed => "sla-missed",
    }
}
