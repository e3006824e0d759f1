//! The wizard's state and its reducer: everything the operator chose or typed, kept while
//! moving between steps. No DOM and no IPC here, so it is tested natively.
use std::rc::Rc;

use helpdesk_api::{CommandError, CustomerSearch, CustomerSummary};
use helpdesk_core::customer::{parse_limit, SearchCondition, SearchField, DEFAULT_LIMIT};
use helpdesk_core::wizard::{Origin, Step};
use yew::Reducible;

/// `data-field` of the message shown when "Avançar" is pressed with no origin chosen.
pub const ORIGIN_FIELD: &str = "origem";
/// `data-field` of the message shown when "Avançar" is pressed with no customer chosen.
pub const CUSTOMER_FIELD: &str = "cliente";

/// The "Localizar Cliente" form, as typed.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchForm {
    /// "Procurar".
    pub text: String,
    /// "Quantidade", kept as typed so a wrong value can be shown and corrected.
    pub limit: String,
    /// "Campo".
    pub field: SearchField,
    /// "Condição".
    pub condition: SearchCondition,
}

impl Default for SearchForm {
    fn default() -> Self {
        Self {
            text: String::new(),
            limit: DEFAULT_LIMIT.to_string(),
            field: SearchField::Name,
            condition: SearchCondition::StartsWith,
        }
    }
}

impl SearchForm {
    /// The search to send, or every reason (at its field) why the core's rules refuse it.
    pub fn to_search(&self) -> Result<CustomerSearch, Vec<CommandError>> {
        let limit = parse_limit(&self.limit);
        let search = CustomerSearch {
            text: self.text.clone(),
            field: self.field,
            condition: self.condition,
            // A valid stand-in, so the text is checked even when the limit is wrong.
            limit: *limit.as_ref().unwrap_or(&DEFAULT_LIMIT),
        };
        let mut errors: Vec<CommandError> = search
            .validate()
            .err()
            .into_iter()
            .map(Into::into)
            .collect();
        errors.extend(limit.err().map(CommandError::from));
        if errors.is_empty() {
            Ok(search)
        } else {
            Err(errors)
        }
    }
}

/// One change to the "Localizar Cliente" form.
#[derive(Debug, Clone, PartialEq)]
pub enum SearchEdit {
    Text(String),
    Limit(String),
    Field(SearchField),
    Condition(SearchCondition),
}

/// A move of the highlighted row in the results.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Up,
    Down,
}

/// Everything the wizard knows.
#[derive(Debug, Clone, PartialEq)]
pub struct WizardState {
    /// The steps reached, in order. Going back keeps the later ones, so the operator can
    /// jump forward again, until a choice changes the route.
    path: Vec<Step>,
    /// Where in `path` the operator is.
    at: usize,
    /// "Origem".
    pub origin: Option<Origin>,
    /// The "Localizar Cliente" form.
    pub search: SearchForm,
    /// A search is on its way to the shell.
    pub searching: bool,
    /// Why the last search could not run, each at its field.
    pub search_errors: Vec<CommandError>,
    /// The last search's rows; `None` until a search has answered, or when it failed.
    pub customers: Option<Rc<Vec<CustomerSummary>>>,
    /// The last search sent; once it has answered, the rows are its answer.
    pub last_search: Option<CustomerSearch>,
    /// The row the arrow keys are on.
    pub highlighted: Option<usize>,
    /// The customer chosen for the ticket.
    pub selected: Option<CustomerSummary>,
    /// Why the last "Avançar" could not move on.
    pub advance_error: Option<CommandError>,
}

impl Default for WizardState {
    fn default() -> Self {
        Self {
            path: vec![Step::Origin],
            at: 0,
            origin: None,
            search: SearchForm::default(),
            searching: false,
            search_errors: Vec::new(),
            customers: None,
            last_search: None,
            highlighted: None,
            selected: None,
            advance_error: None,
        }
    }
}

/// What the operator (or the shell's answer) does to the wizard.
#[derive(Debug, Clone, PartialEq)]
pub enum WizardAction {
    /// "Avançar".
    Advance,
    /// "Voltar".
    Back,
    /// A click on a visited step in the side bar.
    GoTo(Step),
    ChooseOrigin(Origin),
    EditSearch(SearchEdit),
    /// The form broke the core's rules; the search was not sent.
    SearchRejected(Vec<CommandError>),
    /// The search sent to the shell.
    SearchStarted(CustomerSearch),
    SearchFinished(Result<Vec<CustomerSummary>, CommandError>),
    /// A click on a result row (its index).
    Select(usize),
    MoveHighlight(Direction),
    /// Enter on the results: choose the highlighted row.
    SelectHighlighted,
}

impl WizardState {
    /// The step on screen.
    pub fn current(&self) -> Step {
        self.path[self.at]
    }

    /// The steps reached so far (the current one included), which the side bar lets the
    /// operator jump to.
    pub fn visited(&self) -> &[Step] {
        &self.path
    }

    /// Whether "Voltar" has somewhere to go.
    pub fn can_go_back(&self) -> bool {
        self.at > 0
    }

    /// Whether the current step is built in this version (the others only say they are not).
    pub fn is_available(step: Step) -> bool {
        matches!(step, Step::Origin | Step::FindCustomer)
    }

    /// The step after `step` given what was chosen in it, if it is complete.
    fn next_of(&self, step: Step) -> Option<Step> {
        match step {
            Step::Origin => self.origin.map(Origin::next_step),
            Step::FindCustomer => self.selected.as_ref().map(|_| Step::CustomerData),
            _ => None,
        }
    }

    /// Forgets the steps ahead when a choice here no longer leads to them.
    fn reroute(&mut self) {
        if self.path.get(self.at + 1).copied() != self.next_of(self.current()) {
            self.path.truncate(self.at + 1);
        }
    }

    fn advance(&mut self) {
        let current = self.current();
        match self.next_of(current) {
            Some(next) => {
                if self.path.get(self.at + 1) != Some(&next) {
                    self.path.truncate(self.at + 1);
                    self.path.push(next);
                }
                self.at += 1;
                self.advance_error = None;
            }
            None => {
                self.advance_error = match current {
                    Step::Origin => Some(CommandError::at_field(
                        ORIGIN_FIELD,
                        "Escolha a origem do atendimento.",
                    )),
                    Step::FindCustomer => Some(CommandError::at_field(
                        CUSTOMER_FIELD,
                        "Selecione um cliente para avançar.",
                    )),
                    _ => None,
                }
            }
        }
    }

    fn edit_search(&mut self, edit: SearchEdit) {
        let field = match edit {
            SearchEdit::Text(text) => {
                self.search.text = text;
                "text"
            }
            SearchEdit::Limit(limit) => {
                self.search.limit = limit;
                "limit"
            }
            SearchEdit::Field(field) => {
                self.search.field = field;
                "text"
            }
            SearchEdit::Condition(condition) => {
                self.search.condition = condition;
                return;
            }
        };
        // What was said about the field no longer applies to what is now in it.
        self.search_errors
            .retain(|error| error.field.as_deref() != Some(field));
    }

    fn finish_search(&mut self, result: Result<Vec<CustomerSummary>, CommandError>) {
        self.searching = false;
        match result {
            Ok(customers) => {
                // The chosen customer stays chosen; the cursor follows it if it is listed.
                self.highlighted = self
                    .selected
                    .as_ref()
                    .and_then(|selected| customers.iter().position(|row| row.id == selected.id));
                self.customers = Some(Rc::new(customers));
            }
            Err(error) => {
                // Rows of an earlier search would pass for an answer to this one.
                self.customers = None;
                self.highlighted = None;
                self.search_errors = vec![error];
            }
        }
    }

    fn select(&mut self, index: usize) {
        let Some(row) = self.customers.as_ref().and_then(|rows| rows.get(index)) else {
            return;
        };
        self.selected = Some(row.clone());
        self.highlighted = Some(index);
        self.advance_error = None;
        self.reroute();
    }

    fn move_highlight(&mut self, direction: Direction) {
        let count = self.customers.as_ref().map_or(0, |rows| rows.len());
        let Some(last) = count.checked_sub(1) else {
            return;
        };
        self.highlighted = Some(match (self.highlighted, direction) {
            (None, Direction::Down) => 0,
            (None, Direction::Up) => last,
            (Some(index), Direction::Down) => (index + 1).min(last),
            (Some(index), Direction::Up) => index.saturating_sub(1),
        });
    }

    fn apply(&mut self, action: WizardAction) {
        match action {
            WizardAction::Advance => self.advance(),
            WizardAction::Back => {
                if self.can_go_back() {
                    self.at -= 1;
                    self.advance_error = None;
                }
            }
            WizardAction::GoTo(step) => {
                if let Some(index) = self.path.iter().position(|visited| *visited == step) {
                    self.at = index;
                    self.advance_error = None;
                }
            }
            WizardAction::ChooseOrigin(origin) => {
                self.origin = Some(origin);
                self.advance_error = None;
                self.reroute();
            }
            WizardAction::EditSearch(edit) => self.edit_search(edit),
            WizardAction::SearchRejected(errors) => self.search_errors = errors,
            WizardAction::SearchStarted(search) => {
                self.last_search = Some(search);
                self.searching = true;
                self.search_errors.clear();
            }
            WizardAction::SearchFinished(result) => self.finish_search(result),
            WizardAction::Select(index) => self.select(index),
            WizardAction::MoveHighlight(direction) => self.move_highlight(direction),
            WizardAction::SelectHighlighted => {
                if let Some(index) = self.highlighted {
                    self.select(index);
                }
            }
        }
    }
}

impl Reducible for WizardState {
    type Action = WizardAction;

    fn reduce(self: Rc<Self>, action: Self::Action) -> Rc<Self> {
        let mut state = Rc::unwrap_or_clone(self);
        state.apply(action);
        Rc::new(state)
    }
}

#[cfg(test)]
mod tests {
    use uuid::Uuid;

    use super::*;

    fn run(state: WizardState, actions: impl IntoIterator<Item = WizardAction>) -> WizardState {
        let state = actions
            .into_iter()
            .fold(Rc::new(state), |state, action| state.reduce(action));
        Rc::unwrap_or_clone(state)
    }

    fn customer(n: u128, name: &str) -> CustomerSummary {
        CustomerSummary {
            id: Uuid::from_u128(n),
            code: n.to_string(),
            name: name.into(),
            document: String::new(),
            logins: Vec::new(),
            emails: Vec::new(),
            phones: Vec::new(),
            city: String::new(),
        }
    }

    fn sample_search() -> CustomerSearch {
        CustomerSearch {
            text: "ana".into(),
            field: SearchField::Name,
            condition: SearchCondition::StartsWith,
            limit: 50,
        }
    }

    fn with_results() -> WizardState {
        run(
            WizardState::default(),
            [
                WizardAction::ChooseOrigin(Origin::Phone),
                WizardAction::Advance,
                WizardAction::SearchStarted(sample_search()),
                WizardAction::SearchFinished(Ok(vec![
                    customer(1, "Ana"),
                    customer(2, "Bruno"),
                    customer(3, "Carla"),
                ])),
            ],
        )
    }

    #[test]
    fn starts_at_origin_with_nothing_chosen() {
        let state = WizardState::default();
        assert_eq!(state.current(), Step::Origin);
        assert_eq!(state.origin, None);
        assert!(!state.can_go_back());
        assert_eq!(state.search.limit, DEFAULT_LIMIT.to_string());
    }

    #[test]
    fn origin_is_required_and_decides_the_next_step() {
        let state = run(WizardState::default(), [WizardAction::Advance]);
        assert_eq!(state.current(), Step::Origin);
        let error = state.advance_error.clone().expect("an error");
        assert_eq!(error.field.as_deref(), Some(ORIGIN_FIELD));
        assert_eq!(error.message, "Escolha a origem do atendimento.");

        let state = run(
            state,
            [
                WizardAction::ChooseOrigin(Origin::Support),
                WizardAction::Advance,
            ],
        );
        assert_eq!(state.current(), Origin::Support.next_step());
        assert_eq!(state.advance_error, None);

        let state = run(
            WizardState::default(),
            [
                WizardAction::ChooseOrigin(Origin::Chat),
                WizardAction::Advance,
            ],
        );
        assert_eq!(state.current(), Step::FindCustomer);
    }

    #[test]
    fn a_customer_is_required_to_advance() {
        let state = run(with_results(), [WizardAction::Advance]);
        assert_eq!(state.current(), Step::FindCustomer);
        let error = state.advance_error.clone().expect("an error");
        assert_eq!(error.field.as_deref(), Some(CUSTOMER_FIELD));

        let state = run(state, [WizardAction::Select(1), WizardAction::Advance]);
        assert_eq!(state.current(), Step::CustomerData);
        assert_eq!(state.advance_error, None);
    }

    #[test]
    fn going_back_keeps_the_form_the_results_and_the_route() {
        let state = run(
            with_results(),
            [
                WizardAction::EditSearch(SearchEdit::Text("ana".into())),
                WizardAction::Select(0),
                WizardAction::Advance,
                WizardAction::Back,
            ],
        );
        assert_eq!(state.current(), Step::FindCustomer);
        assert_eq!(state.search.text, "ana");
        assert_eq!(state.customers.as_ref().map(|rows| rows.len()), Some(3));
        assert_eq!(
            state.selected.as_ref().map(|c| c.name.as_str()),
            Some("Ana")
        );

        let state = run(state, [WizardAction::GoTo(Step::Origin)]);
        assert_eq!(state.current(), Step::Origin);
        assert_eq!(state.origin, Some(Origin::Phone));
        assert_eq!(
            state.visited(),
            [Step::Origin, Step::FindCustomer, Step::CustomerData]
        );
        let state = run(state, [WizardAction::GoTo(Step::CustomerData)]);
        assert_eq!(state.current(), Step::CustomerData);
    }

    #[test]
    fn a_new_origin_forgets_a_route_it_no_longer_takes() {
        let state = run(
            with_results(),
            [
                WizardAction::Back,
                WizardAction::ChooseOrigin(Origin::Email),
            ],
        );
        assert_eq!(state.visited(), [Step::Origin, Step::FindCustomer]);

        let state = run(state, [WizardAction::ChooseOrigin(Origin::Support)]);
        assert_eq!(state.visited(), [Step::Origin]);
        let state = run(state, [WizardAction::GoTo(Step::FindCustomer)]);
        assert_eq!(state.current(), Step::Origin);
        let state = run(state, [WizardAction::Advance]);
        assert_eq!(state.current(), Step::Filters);
    }

    #[test]
    fn steps_not_built_do_not_advance() {
        let state = run(
            with_results(),
            [
                WizardAction::Select(0),
                WizardAction::Advance,
                WizardAction::Advance,
            ],
        );
        assert_eq!(state.current(), Step::CustomerData);
        assert!(!WizardState::is_available(Step::CustomerData));
        assert!(WizardState::is_available(Step::FindCustomer));
    }

    #[test]
    fn the_search_form_is_checked_with_the_core_rules() {
        let form = SearchForm {
            text: "  ".into(),
            limit: "dez".into(),
            ..SearchForm::default()
        };
        let errors = form.to_search().expect_err("invalid");
        let fields: Vec<_> = errors.iter().map(|e| e.field.as_deref()).collect();
        assert_eq!(fields, [Some("text"), Some("limit")]);

        let form = SearchForm {
            text: "joão".into(),
            limit: " 20 ".into(),
            ..SearchForm::default()
        };
        let search = form.to_search().expect("valid");
        assert_eq!(search.limit, 20);
        assert_eq!(search.text, "joão");
    }

    #[test]
    fn editing_a_field_clears_its_message_only() {
        let errors = SearchForm {
            text: String::new(),
            limit: "0".into(),
            ..SearchForm::default()
        }
        .to_search()
        .expect_err("invalid");
        let state = run(
            with_results(),
            [
                WizardAction::SearchRejected(errors),
                WizardAction::EditSearch(SearchEdit::Limit("10".into())),
            ],
        );
        let fields: Vec<_> = state
            .search_errors
            .iter()
            .map(|e| e.field.as_deref())
            .collect();
        assert_eq!(fields, [Some("text")]);
    }

    #[test]
    fn a_failed_search_drops_the_rows_and_keeps_the_choice() {
        let state = run(
            with_results(),
            [
                WizardAction::Select(0),
                WizardAction::SearchStarted(sample_search()),
                WizardAction::SearchFinished(Err(CommandError::internal())),
            ],
        );
        assert!(!state.searching);
        assert_eq!(state.search_errors, [CommandError::internal()]);
        assert_eq!(state.customers, None);
        assert_eq!(state.highlighted, None);
        assert_eq!(
            state.selected.as_ref().map(|c| c.name.as_str()),
            Some("Ana")
        );
    }

    #[test]
    fn arrow_keys_and_enter_choose_a_row() {
        let state = run(
            with_results(),
            [
                WizardAction::MoveHighlight(Direction::Down),
                WizardAction::MoveHighlight(Direction::Down),
                WizardAction::MoveHighlight(Direction::Down),
                WizardAction::MoveHighlight(Direction::Down),
            ],
        );
        assert_eq!(state.highlighted, Some(2));
        assert_eq!(state.selected, None);
        let state = run(
            state,
            [
                WizardAction::MoveHighlight(Direction::Up),
                WizardAction::SelectHighlighted,
            ],
        );
        assert_eq!(
            state.selected.as_ref().map(|c| c.name.as_str()),
            Some("Bruno")
        );
    }

    #[test]
    fn a_new_search_keeps_the_chosen_customer() {
        let state = run(
            with_results(),
            [
                WizardAction::Select(2),
                WizardAction::SearchStarted(sample_search()),
                WizardAction::SearchFinished(Ok(vec![customer(3, "Carla"), customer(4, "Davi")])),
            ],
        );
        assert_eq!(state.highlighted, Some(0));
        let state = run(
            state,
            [
                WizardAction::SearchStarted(sample_search()),
                WizardAction::SearchFinished(Ok(Vec::new())),
            ],
        );
        assert_eq!(state.highlighted, None);
        assert_eq!(
            state.selected.as_ref().map(|c| c.name.as_str()),
            Some("Carla")
        );
    }
}
