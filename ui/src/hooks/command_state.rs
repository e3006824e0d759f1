//! The state behind [`use_command`](super::use_command): the shared [`Fetched`] state of one
//! command, and which of the requests sent it still waits for. No DOM and no IPC.
use std::rc::Rc;

use helpdesk_api::CommandError;
use yew::Reducible;

use crate::fetched::Fetched;

/// What happened to a command's requests.
pub enum CommandEvent<Q, T> {
    /// `request` went out, numbered `round`.
    Sent { round: u32, request: Q },
    /// The shell answered the request numbered `round`.
    Answered {
        round: u32,
        request: Q,
        result: Result<T, CommandError>,
    },
    /// The value became known without asking (an action answered with it).
    Known(T),
    /// There is no request: nothing is asked and nothing is known.
    Cleared,
}

/// A command's [`Fetched`] state, and the round whose answer it waits for: the answer to an
/// earlier round (a stale request) is dropped.
pub struct CommandState<Q, T> {
    /// The last request sent, the answer, the error.
    pub fetched: Fetched<Q, T>,
    /// The round whose answer is awaited; `None` when none is.
    awaited: Option<u32>,
    /// The request on its way is the one the value answers (a reload): if it fails, the
    /// value still stands.
    keep: bool,
}

impl<Q, T> Default for CommandState<Q, T> {
    fn default() -> Self {
        Self {
            fetched: Fetched::default(),
            awaited: None,
            keep: false,
        }
    }
}

// By hand: the value is shared, so `T` need not be `Clone`.
impl<Q: Clone, T> Clone for CommandState<Q, T> {
    fn clone(&self) -> Self {
        Self {
            fetched: self.fetched.clone(),
            awaited: self.awaited,
            keep: self.keep,
        }
    }
}

impl<Q: Clone + PartialEq, T> Reducible for CommandState<Q, T> {
    type Action = CommandEvent<Q, T>;

    fn reduce(self: Rc<Self>, event: Self::Action) -> Rc<Self> {
        match event {
            CommandEvent::Sent { round, request } => {
                let mut next = (*self).clone();
                next.keep = self.fetched.answered() == Some(&request)
                    || (self.keep && self.fetched.request.as_ref() == Some(&request));
                next.fetched.start(request);
                next.awaited = Some(round);
                Rc::new(next)
            }
            CommandEvent::Answered {
                round,
                request,
                result,
            } => {
                if self.awaited != Some(round) {
                    return self;
                }
                let mut next = (*self).clone();
                let kept = (self.keep && result.is_err())
                    .then(|| self.fetched.value.clone())
                    .flatten();
                next.fetched.finish(&request, result);
                if kept.is_some() {
                    next.fetched.value = kept;
                }
                next.awaited = None;
                next.keep = false;
                Rc::new(next)
            }
            CommandEvent::Known(value) => {
                let mut next = (*self).clone();
                next.fetched.value = Some(Rc::new(value));
                next.fetched.error = None;
                next.fetched.loading = false;
                next.awaited = None;
                next.keep = false;
                Rc::new(next)
            }
            CommandEvent::Cleared if self.fetched.request.is_none() && self.awaited.is_none() => {
                self
            }
            CommandEvent::Cleared => Rc::new(Self::default()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    type State = CommandState<u32, &'static str>;

    fn after(events: Vec<CommandEvent<u32, &'static str>>) -> Rc<State> {
        events
            .into_iter()
            .fold(Rc::new(State::default()), |state, event| {
                state.reduce(event)
            })
    }

    fn sent(round: u32, request: u32) -> CommandEvent<u32, &'static str> {
        CommandEvent::Sent { round, request }
    }

    fn answered(
        round: u32,
        request: u32,
        result: Result<&'static str, CommandError>,
    ) -> CommandEvent<u32, &'static str> {
        CommandEvent::Answered {
            round,
            request,
            result,
        }
    }

    #[test]
    fn an_answer_is_taken_and_a_stale_one_dropped() {
        let state = after(vec![sent(1, 7)]);
        assert!(state.fetched.loading);
        let state = state.reduce(answered(1, 7, Ok("sete")));
        assert!(!state.fetched.loading);
        assert_eq!(state.fetched.value.as_deref(), Some(&"sete"));

        // Reloaded twice: the first reload's answer comes last and is dropped.
        let state = after(vec![sent(1, 7), sent(2, 7), answered(2, 7, Ok("novo"))]);
        let same = Rc::clone(&state);
        let state = state.reduce(answered(1, 7, Ok("velho")));
        assert!(Rc::ptr_eq(&state, &same));
        assert_eq!(state.fetched.value.as_deref(), Some(&"novo"));
    }

    #[test]
    fn the_value_stays_while_a_reload_is_on_its_way() {
        let state = after(vec![sent(1, 7), answered(1, 7, Ok("sete")), sent(2, 7)]);
        assert!(state.fetched.loading);
        assert_eq!(state.fetched.value.as_deref(), Some(&"sete"));
    }

    #[test]
    fn a_failed_reload_keeps_the_value_a_failed_new_request_does_not() {
        let reload = after(vec![
            sent(1, 7),
            answered(1, 7, Ok("sete")),
            sent(2, 7),
            answered(2, 7, Err(CommandError::internal())),
        ]);
        assert_eq!(reload.fetched.value.as_deref(), Some(&"sete"));
        assert_eq!(reload.fetched.error, Some(CommandError::internal()));

        let other = after(vec![
            sent(1, 7),
            answered(1, 7, Ok("sete")),
            sent(2, 8),
            answered(2, 8, Err(CommandError::internal())),
        ]);
        assert_eq!(other.fetched.value, None);
        assert_eq!(other.fetched.error, Some(CommandError::internal()));
    }

    #[test]
    fn a_known_value_ends_the_wait_and_the_error() {
        let state = after(vec![
            sent(1, 7),
            answered(1, 7, Err(CommandError::internal())),
            sent(2, 7),
            CommandEvent::Known("dado"),
            answered(2, 7, Ok("antigo")),
        ]);
        assert!(!state.fetched.loading);
        assert_eq!(state.fetched.error, None);
        assert_eq!(state.fetched.value.as_deref(), Some(&"dado"));
    }

    #[test]
    fn without_a_request_nothing_is_known() {
        let state = after(vec![sent(1, 7), CommandEvent::Cleared]);
        assert_eq!(state.fetched, Fetched::default());
        let same = Rc::clone(&state);
        assert!(Rc::ptr_eq(&state.reduce(CommandEvent::Cleared), &same));
        // What the cleared request answers afterwards is not awaited any more.
        let state = same.reduce(answered(1, 7, Ok("sete")));
        assert_eq!(state.fetched.value, None);
    }
}
