//! What was fetched from the shell for a request: the request, whether it is on its way, the
//! answer or why it failed, and the keyboard's place in it when it is a list. Shared by every
//! screen that loads something.
use std::rc::Rc;

use helpdesk_api::CommandError;

/// A move of the highlighted row in a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Up,
    Down,
}

/// What was fetched from the shell for a request, and the keyboard's place in it when it
/// is a list.
#[derive(Debug, PartialEq)]
pub struct Fetched<Q, T> {
    /// The last request sent.
    pub request: Option<Q>,
    /// It is on its way.
    pub loading: bool,
    /// The answer to `request`; `None` until it answered, or when it failed.
    pub value: Option<Rc<T>>,
    /// Why it failed.
    pub error: Option<CommandError>,
    /// The row the arrow keys are on.
    pub highlighted: Option<usize>,
}

// By hand: the value is shared, so `T` need not be `Clone`.
impl<Q: Clone, T> Clone for Fetched<Q, T> {
    fn clone(&self) -> Self {
        Self {
            request: self.request.clone(),
            loading: self.loading,
            value: self.value.clone(),
            error: self.error.clone(),
            highlighted: self.highlighted,
        }
    }
}

impl<Q, T> Default for Fetched<Q, T> {
    fn default() -> Self {
        Self {
            request: None,
            loading: false,
            value: None,
            error: None,
            highlighted: None,
        }
    }
}

impl<Q: PartialEq, T> Fetched<Q, T> {
    pub(crate) fn start(&mut self, request: Q) {
        self.request = Some(request);
        self.loading = true;
        self.error = None;
    }

    /// Takes the answer to `request`, unless a newer request was sent since.
    pub(crate) fn finish(&mut self, request: &Q, result: Result<T, CommandError>) -> bool {
        if self.request.as_ref() != Some(request) {
            return false;
        }
        self.loading = false;
        match result {
            Ok(value) => self.value = Some(Rc::new(value)),
            Err(error) => {
                // What answered an earlier request would pass for an answer to this one.
                self.value = None;
                self.error = Some(error);
            }
        }
        self.highlighted = None;
        true
    }

    /// The request the value answers, once it has.
    pub fn answered(&self) -> Option<&Q> {
        self.request
            .as_ref()
            .filter(|_| !self.loading && self.value.is_some())
    }
}

impl<Q, T> Fetched<Q, Vec<T>> {
    pub(crate) fn row(&self, index: usize) -> Option<&T> {
        self.value.as_ref().and_then(|rows| rows.get(index))
    }

    pub(crate) fn move_highlight(&mut self, direction: Direction) {
        let count = self.value.as_ref().map_or(0, |rows| rows.len());
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
}
