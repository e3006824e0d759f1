//! What was loaded for the agenda: the technicians' catalog, the visits of the last query
//! answered, and why loading failed. No DOM and no IPC.
use helpdesk_api::{AgendaQuery, Technician, Uuid, Visit};
use yew::AttrValue;

/// A step of loading.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadAction {
    /// The active technicians.
    CatalogLoaded(Vec<Technician>),
    /// Why loading failed.
    Failed(AttrValue),
    /// "Atualizar".
    Reload,
    /// The visits answering a query.
    Loaded(AgendaQuery, Vec<Visit>),
}

/// The catalog and the visits.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Loaded {
    /// The active technicians; `None` until the catalog is loaded.
    pub technicians: Option<Vec<Technician>>,
    /// The visits of `query`, by start.
    pub visits: Vec<Visit>,
    /// The query the visits answer; not the current one while loading.
    pub query: Option<AgendaQuery>,
    /// Raised by "Atualizar" and after a refused change, to load the same query again.
    pub reload: u32,
    pub error: Option<AttrValue>,
}

impl Loaded {
    /// Applies `action`; `current` is the query the agenda asks now (visits answering
    /// another one are late, and dropped).
    pub(super) fn apply(&mut self, action: LoadAction, current: Option<&AgendaQuery>) {
        match action {
            LoadAction::CatalogLoaded(technicians) => self.technicians = Some(technicians),
            LoadAction::Failed(message) => self.error = Some(message),
            LoadAction::Reload => {
                self.reload += 1;
                self.error = None;
            }
            LoadAction::Loaded(query, visits) => {
                if Some(&query) == current {
                    self.visits = visits;
                    self.query = Some(query);
                    self.error = None;
                }
            }
        }
    }

    /// A loaded visit.
    pub fn visit(&self, id: Uuid) -> Option<&Visit> {
        self.visits.iter().find(|visit| visit.id == id)
    }

    /// `visit` as saved, in place of the one loaded (if it is shown).
    pub(super) fn replace(&mut self, visit: &Visit) {
        if let Some(shown) = self.visits.iter_mut().find(|shown| shown.id == visit.id) {
            *shown = visit.clone();
        }
    }
}
