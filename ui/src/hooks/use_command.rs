//! `use_command`: a command's answer for a component. It is fetched through
//! [`api::invoke`] when the request changes and again on [`UseCommandHandle::reload`]; the
//! answer to a request sent before the last one is dropped.
use std::marker::PhantomData;
use std::rc::Rc;

use helpdesk_api::{Command, CommandError};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::command_state::{CommandEvent, CommandState};
use crate::api;

/// What [`use_command`] gives: whether the request is on its way, its answer or why it
/// failed, and ways to fetch it again or to replace it with a value known otherwise.
pub struct UseCommandHandle<C: Command>
where
    C::Request: Clone + PartialEq,
{
    state: UseReducerHandle<CommandState<C::Request, C::Response>>,
    /// The request of this render.
    request: Option<C::Request>,
    reload: Callback<()>,
    command: PhantomData<C>,
}

// By hand: the command type itself is never cloned.
impl<C: Command> Clone for UseCommandHandle<C>
where
    C::Request: Clone + PartialEq,
{
    fn clone(&self) -> Self {
        Self {
            state: self.state.clone(),
            request: self.request.clone(),
            reload: self.reload.clone(),
            command: PhantomData,
        }
    }
}

impl<C: Command> UseCommandHandle<C>
where
    C::Request: Clone + PartialEq,
{
    /// The request is on its way, or about to go (it changed since the last one sent).
    pub fn loading(&self) -> bool {
        self.state.fetched.loading
            || (self.request.is_some() && self.request != self.state.fetched.request)
    }

    /// The last answer; it stays while a reload is on its way, and after a reload fails.
    pub fn value(&self) -> Option<&C::Response> {
        self.state.fetched.value.as_deref()
    }

    /// [`Self::value`], shared: for a child's props, without copying it.
    pub fn shared_value(&self) -> Option<Rc<C::Response>> {
        self.state.fetched.value.clone()
    }

    /// Why the last request failed.
    pub fn error(&self) -> Option<&CommandError> {
        self.state.fetched.error.as_ref()
    }

    /// The message of [`Self::error`], for a [`FormError`](crate::components::FormError).
    pub fn error_message(&self) -> Option<AttrValue> {
        self.error()
            .map(|error| AttrValue::from(error.message.clone()))
    }

    /// Sends the request again (nothing without one).
    pub fn reload(&self) -> Callback<()> {
        self.reload.clone()
    }

    /// Takes `value` as the answer (an action answered with it); one on its way is dropped.
    pub fn set(&self, value: C::Response) {
        self.state.dispatch(CommandEvent::Known(value));
    }
}

/// Fetches command `C` with `request` now and whenever `request` changes.
#[hook]
pub fn use_command<C>(request: C::Request) -> UseCommandHandle<C>
where
    C: Command + 'static,
    C::Request: Clone + PartialEq + 'static,
    C::Response: 'static,
{
    use_command_when::<C>(Some(request))
}

/// [`use_command`], with no request (`None`) while nothing should be asked: the state is then
/// cleared, and fetched anew when a request comes.
#[hook]
pub fn use_command_when<C>(request: Option<C::Request>) -> UseCommandHandle<C>
where
    C: Command + 'static,
    C::Request: Clone + PartialEq + 'static,
    C::Response: 'static,
{
    let state = use_reducer(CommandState::<C::Request, C::Response>::default);
    // The number of the last request sent, shared by every render's callbacks.
    let rounds = use_mut_ref(|| 0_u32);
    let send = {
        let dispatcher = state.dispatcher();
        Callback::from(move |request: C::Request| {
            let round = {
                let mut last = rounds.borrow_mut();
                *last = last.wrapping_add(1);
                *last
            };
            dispatcher.dispatch(CommandEvent::Sent {
                round,
                request: request.clone(),
            });
            let dispatcher = dispatcher.clone();
            spawn_local(async move {
                let result = api::invoke::<C>(&request).await;
                dispatcher.dispatch(CommandEvent::Answered {
                    round,
                    request,
                    result,
                });
            });
        })
    };
    {
        let (send, dispatcher) = (send.clone(), state.dispatcher());
        use_effect_with(request.clone(), move |request| match request {
            Some(request) => send.emit(request.clone()),
            None => dispatcher.dispatch(CommandEvent::Cleared),
        });
    }
    let reload = {
        let request = request.clone();
        Callback::from(move |()| {
            if let Some(request) = &request {
                send.emit(request.clone());
            }
        })
    };
    UseCommandHandle {
        state,
        request,
        reload,
        command: PhantomData,
    }
}
