//! The answers given in a script run, as "Rel. Script" shows them: the question, the answer
//! and when.
use helpdesk_core::date::format_instant;
use helpdesk_core::script::Answer;
use yew::prelude::*;

use crate::dom::local_offset_minutes;

/// Props of [`ScriptAnswers`].
#[derive(Properties, PartialEq)]
pub struct ScriptAnswersProps {
    /// The table's `id`, if it has one.
    #[prop_or_default]
    pub id: Option<AttrValue>,
    /// The answers, in the order given.
    pub answers: Vec<Answer>,
    /// A first column "#" with each answer's number.
    #[prop_or_default]
    pub numbered: bool,
}

/// `table.grid.static` with a `tr[data-node-id]` per answer.
#[function_component]
pub fn ScriptAnswers(props: &ScriptAnswersProps) -> Html {
    let offset = local_offset_minutes();
    html! {
        <table id={props.id.clone()} class="grid static">
            <thead>
                <tr>
                    if props.numbered {
                        <th>{ "#" }</th>
                    }
                    <th>{ "Pergunta" }</th>
                    <th>{ "Resposta" }</th>
                    <th>{ "Quando" }</th>
                </tr>
            </thead>
            <tbody>
                { for props.answers.iter().enumerate().map(|(index, answer)| html! {
                    <tr key={index} data-node-id={answer.node.clone()}>
                        if props.numbered {
                            <td>{ index + 1 }</td>
                        }
                        <td>{ answer.question.clone() }</td>
                        <td>{ answer.label.clone() }</td>
                        <td class="nowrap">{ format_instant(answer.at, offset) }</td>
                    </tr>
                }) }
            </tbody>
        </table>
    }
}
