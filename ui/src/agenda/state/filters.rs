//! What the operator chose to see: the view, the date, the technicians, the kind of visit
//! and what colours them. No DOM.
use chrono::NaiveDate;
use helpdesk_api::{Uuid, VisitKind};
use helpdesk_core::agenda::{shift_date, TechnicianFilter, View};

/// What a visit's colour comes from ("Cor por").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColorBy {
    Type,
    Status,
}

/// A choice in the toolbar or the technician filters.
#[derive(Debug, Clone, PartialEq)]
pub enum FilterAction {
    View(View),
    Date(NaiveDate),
    /// ‹ (-1) or › (+1).
    Step(i32),
    Kind(Option<VisitKind>),
    ColorBy(ColorBy),
    Check(Uuid, bool),
    Team(Option<Uuid>),
    Mine(bool),
    /// "Todos".
    AllTechnicians,
}

/// The view, the date and the filters.
#[derive(Debug, Clone, PartialEq)]
pub struct Filters {
    /// "Dia", "Semana" or "Mês".
    pub view: View,
    /// The date shown (in "Semana" and "Mês", its week or month).
    pub date: NaiveDate,
    /// Which technicians: "Equipe", "Meu Usuário" and the boxes unchecked.
    pub filter: TechnicianFilter,
    /// "Tipo": both kinds, or only one.
    pub kind: Option<VisitKind>,
    pub color_by: ColorBy,
}

impl Filters {
    /// "Dia" on `date`, every technician, both kinds, coloured by type.
    pub fn new(date: NaiveDate) -> Self {
        Self {
            view: View::Day,
            date,
            filter: TechnicianFilter::default(),
            kind: None,
            color_by: ColorBy::Type,
        }
    }

    /// Applies the choice `action`.
    pub(super) fn apply(&mut self, action: FilterAction) {
        match action {
            FilterAction::View(view) => self.view = view,
            FilterAction::Date(date) => self.date = date,
            FilterAction::Step(steps) => self.date = shift_date(self.view, self.date, steps),
            FilterAction::Kind(kind) => self.kind = kind,
            FilterAction::ColorBy(color_by) => self.color_by = color_by,
            FilterAction::Check(id, checked) => self.filter.check(id, checked),
            FilterAction::Team(team) => self.filter.team_id = team,
            FilterAction::Mine(mine) => self.filter.mine = mine,
            FilterAction::AllTechnicians => self.filter = TechnicianFilter::default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use helpdesk_api::{Uuid, VisitKind};

    use super::super::test_support::*;

    #[test]
    fn filters_narrow_the_query_and_nothing_selected_asks_nothing() {
        let state = run(
            loaded(),
            [AgendaAction::Filter(FilterAction::Team(Some(
                Uuid::from_u128(10),
            )))],
        );
        let ids = state.query().expect("a query").technician_ids;
        assert_eq!(ids, [Uuid::from_u128(1), Uuid::from_u128(2)]);
        let mine = run(
            state,
            [
                AgendaAction::Filter(FilterAction::Team(None)),
                AgendaAction::Filter(FilterAction::Mine(true)),
            ],
        );
        assert_eq!(mine.column_ids(), [Uuid::from_u128(1)]);
        let none = run(
            mine,
            [AgendaAction::Filter(FilterAction::Check(
                Uuid::from_u128(1),
                false,
            ))],
        );
        assert_eq!(none.query(), None);
        let all = run(none, [AgendaAction::Filter(FilterAction::AllTechnicians)]);
        assert!(all.filters.filter.is_all());
        let surveys = run(
            all,
            [AgendaAction::Filter(FilterAction::Kind(Some(
                VisitKind::SiteSurvey,
            )))],
        );
        assert_eq!(
            surveys.query().and_then(|q| q.kind),
            Some(VisitKind::SiteSurvey)
        );
    }
}
