//! "Filtros" in the wizard's reducer: the form's fields, what was said about them, and the
//! "E-mail Suporte Online" suggestions. No DOM and no IPC.
use helpdesk_api::CommandError;
use helpdesk_core::support::{fields, PeriodMode};

use super::context::{clear_field, StepContext};
use crate::fetched::{Direction, Fetched};

/// One change to the "Filtros" form.
#[derive(Debug, Clone, PartialEq)]
pub enum FilterEdit {
    Mode(PeriodMode),
    Days(String),
    Start(String),
    End(String),
    Limit(String),
    Email(String),
}

/// What the operator (or the shell's answer) does on "Filtros".
#[derive(Debug, Clone, PartialEq)]
pub enum FiltersAction {
    Edit(FilterEdit),
    SuggestionsStarted(String),
    SuggestionsFinished(String, Result<Vec<String>, CommandError>),
    MoveSuggestion(Direction),
    /// A suggestion taken (its index); `None` closes the list.
    TakeSuggestion(Option<usize>),
}

/// What "Filtros" shows besides the draft's form.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct FiltersState {
    /// Messages about the form's fields, before or instead of "Avançar" (they stay when the
    /// operator moves to another step and back).
    pub errors: Vec<CommandError>,
    /// "E-mail Suporte Online" suggestions for what is typed.
    pub suggestions: Fetched<String, Vec<String>>,
}

impl FiltersState {
    pub(super) fn apply(&mut self, action: FiltersAction, wizard: &mut StepContext) {
        match action {
            FiltersAction::Edit(edit) => self.edit(edit, wizard),
            FiltersAction::SuggestionsStarted(prefix) => self.suggestions.start(prefix),
            FiltersAction::SuggestionsFinished(prefix, result) => {
                self.suggestions.finish(&prefix, result);
            }
            FiltersAction::MoveSuggestion(direction) => self.suggestions.move_highlight(direction),
            FiltersAction::TakeSuggestion(index) => self.take_suggestion(index, wizard),
        }
    }

    fn edit(&mut self, edit: FilterEdit, wizard: &mut StepContext) {
        let field = match edit {
            FilterEdit::Mode(mode) => {
                wizard.edit(|draft| draft.filters.mode = mode);
                self.errors.retain(|error| {
                    !matches!(
                        error.field.as_deref(),
                        Some(fields::DAYS | fields::START | fields::END)
                    )
                });
                return;
            }
            FilterEdit::Days(days) => {
                wizard.edit(|draft| draft.filters.days = days);
                fields::DAYS
            }
            FilterEdit::Start(start) => {
                wizard.edit(|draft| draft.filters.start = start);
                fields::START
            }
            FilterEdit::End(end) => {
                wizard.edit(|draft| draft.filters.end = end);
                fields::END
            }
            FilterEdit::Limit(limit) => {
                wizard.edit(|draft| draft.filters.limit = limit);
                fields::LIMIT
            }
            FilterEdit::Email(email) => {
                wizard.edit(|draft| draft.filters.email = email);
                fields::EMAIL
            }
        };
        clear_field(&mut self.errors, field);
    }

    fn take_suggestion(&mut self, index: Option<usize>, wizard: &mut StepContext) {
        if let Some(email) = index.and_then(|index| self.suggestions.row(index)).cloned() {
            wizard.edit(|draft| draft.filters.email = email);
            clear_field(&mut self.errors, fields::EMAIL);
        }
        self.suggestions = Fetched::default();
    }
}

#[cfg(test)]
mod tests {
    use helpdesk_core::wizard::{Origin, Step};

    use super::*;
    use crate::wizard::state::fixtures::{fields_of, run};
    use crate::wizard::state::{WizardAction, WizardState};

    fn edit(edit: FilterEdit) -> WizardAction {
        WizardAction::Filters(FiltersAction::Edit(edit))
    }

    #[test]
    fn filter_errors_stay_at_their_fields_until_edited() {
        let state = run(
            WizardState::default(),
            [
                WizardAction::ChooseOrigin(Origin::Support),
                WizardAction::Advance,
                edit(FilterEdit::Days("0".into())),
                edit(FilterEdit::Email("maria".into())),
                WizardAction::Advance,
            ],
        );
        assert_eq!(state.current(), Step::Filters);
        assert_eq!(
            fields_of(&state.filters.errors),
            [fields::DAYS, fields::EMAIL]
        );
        let state = run(state, [edit(FilterEdit::Mode(PeriodMode::DateRange))]);
        assert_eq!(fields_of(&state.filters.errors), [fields::EMAIL]);
        assert_eq!(state.draft.filters.days, "0", "what was typed is kept");
    }

    #[test]
    fn suggestions_are_taken_with_the_keyboard_and_late_ones_ignored() {
        let state = run(
            WizardState::default(),
            [
                edit(FilterEdit::Email("ma".into())),
                FiltersAction::SuggestionsStarted("ma".into()).into(),
                edit(FilterEdit::Email("mar".into())),
                FiltersAction::SuggestionsStarted("mar".into()).into(),
                FiltersAction::SuggestionsFinished(
                    "mar".into(),
                    Ok(vec!["maria@a.com".into(), "mario@b.com".into()]),
                )
                .into(),
                FiltersAction::SuggestionsFinished("ma".into(), Ok(vec!["old@x.com".into()]))
                    .into(),
                FiltersAction::MoveSuggestion(Direction::Down).into(),
                FiltersAction::MoveSuggestion(Direction::Down).into(),
            ],
        );
        assert_eq!(
            state
                .filters
                .suggestions
                .value
                .as_ref()
                .map(|rows| rows.len()),
            Some(2)
        );
        let highlighted = state.filters.suggestions.highlighted;
        assert_eq!(highlighted, Some(1));
        let state = run(state, [FiltersAction::TakeSuggestion(highlighted).into()]);
        assert_eq!(state.draft.filters.email, "mario@b.com");
        assert_eq!(state.filters.suggestions.value, None);
    }
}
