//! Which technicians the agenda shows: "Equipe", "Meu Usuário" and a check box per
//! technician ("Técnico"); "Todos" clears them.
use std::collections::BTreeSet;

use uuid::Uuid;

use crate::work_order::Technician;

/// The technician filters. By default every technician is shown; the filters narrow it:
/// a team, the operator's own technician, and the technicians unchecked one by one.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TechnicianFilter {
    /// "Equipe": only this team's technicians.
    pub team_id: Option<Uuid>,
    /// "Meu Usuário": only the technicians whose operator account is the operator's.
    pub mine: bool,
    /// Technicians whose box was unchecked.
    pub unchecked: BTreeSet<Uuid>,
}

impl TechnicianFilter {
    /// The technicians offered as check boxes: those of the team and "Meu Usuário", in
    /// the catalog's order.
    pub fn offered<'a>(
        &self,
        technicians: &'a [Technician],
        operator_id: Uuid,
    ) -> Vec<&'a Technician> {
        technicians
            .iter()
            .filter(|technician| self.team_id.is_none_or(|team| technician.team_id == team))
            .filter(|technician| !self.mine || technician.user_id == Some(operator_id))
            .collect()
    }

    /// The technicians shown: those offered and checked.
    pub fn selected<'a>(
        &self,
        technicians: &'a [Technician],
        operator_id: Uuid,
    ) -> Vec<&'a Technician> {
        self.offered(technicians, operator_id)
            .into_iter()
            .filter(|technician| !self.unchecked.contains(&technician.id))
            .collect()
    }

    /// Checks or unchecks one technician's box.
    pub fn check(&mut self, technician_id: Uuid, checked: bool) {
        if checked {
            self.unchecked.remove(&technician_id);
        } else {
            self.unchecked.insert(technician_id);
        }
    }

    /// Whether no filter narrows the technicians ("Todos").
    pub fn is_all(&self) -> bool {
        *self == TechnicianFilter::default()
    }
}

/// The teams of `technicians` ("Equipe"), each once, by name.
pub fn teams(technicians: &[Technician]) -> Vec<(Uuid, &str)> {
    let mut teams: Vec<(Uuid, &str)> = technicians
        .iter()
        .map(|technician| (technician.team_id, technician.team_name.as_str()))
        .collect();
    teams.sort_by(|a, b| a.1.cmp(b.1).then(a.0.cmp(&b.0)));
    teams.dedup_by_key(|team| team.0);
    teams
}

#[cfg(test)]
mod tests {
    use super::*;

    fn technician(id: u128, team: u128, user: Option<u128>) -> Technician {
        Technician {
            id: Uuid::from_u128(id),
            name: format!("Técnico {id}"),
            team_id: Uuid::from_u128(team),
            team_name: format!("Equipe {team}"),
            user_id: user.map(Uuid::from_u128),
        }
    }

    fn ids(technicians: &[&Technician]) -> Vec<u128> {
        technicians.iter().map(|t| t.id.as_u128()).collect()
    }

    fn crew() -> Vec<Technician> {
        vec![
            technician(1, 10, Some(100)),
            technician(2, 20, None),
            technician(3, 10, None),
            technician(4, 20, Some(100)),
        ]
    }

    #[test]
    fn every_technician_is_shown_by_default() {
        let crew = crew();
        let filter = TechnicianFilter::default();
        assert!(filter.is_all());
        assert_eq!(
            ids(&filter.selected(&crew, Uuid::from_u128(100))),
            [1, 2, 3, 4]
        );
    }

    #[test]
    fn team_my_user_and_boxes_narrow_together() {
        let crew = crew();
        let me = Uuid::from_u128(100);
        let mut filter = TechnicianFilter {
            team_id: Some(Uuid::from_u128(10)),
            ..TechnicianFilter::default()
        };
        assert_eq!(ids(&filter.selected(&crew, me)), [1, 3]);
        filter.mine = true;
        assert_eq!(ids(&filter.selected(&crew, me)), [1]);
        filter.team_id = None;
        assert_eq!(ids(&filter.selected(&crew, me)), [1, 4]);
        filter.check(Uuid::from_u128(4), false);
        assert_eq!(ids(&filter.offered(&crew, me)), [1, 4]);
        assert_eq!(ids(&filter.selected(&crew, me)), [1]);
        filter.check(Uuid::from_u128(4), true);
        assert_eq!(ids(&filter.selected(&crew, me)), [1, 4]);
        assert!(!filter.is_all());
        assert!(
            filter.selected(&crew, Uuid::from_u128(7)).is_empty(),
            "not a technician"
        );
    }

    #[test]
    fn teams_are_listed_once_by_name() {
        let crew = crew();
        let listed: Vec<&str> = teams(&crew).into_iter().map(|team| team.1).collect();
        assert_eq!(listed, ["Equipe 10", "Equipe 20"]);
    }
}
