//! `use_submit`: what every form that sends one command shares: its errors (each shown at
//! its field, or above the form), whether it is on its way, and sending it.
use std::marker::PhantomData;

use helpdesk_api::{Command, CommandError};
use helpdesk_core::form::FieldError;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::api;
use crate::components::{errors_besides, message_at, unplaced_message};

/// What [`use_submit`] gives a form.
pub struct SubmitHandle<C: Command> {
    errors: UseStateHandle<Vec<CommandError>>,
    sending: UseStateHandle<bool>,
    command: PhantomData<C>,
}

// By hand: the command type itself is never cloned.
impl<C: Command> Clone for SubmitHandle<C> {
    fn clone(&self) -> Self {
        Self {
            errors: self.errors.clone(),
            sending: self.sending.clone(),
            command: PhantomData,
        }
    }
}

impl<C: Command + 'static> SubmitHandle<C>
where
    C::Request: 'static,
    C::Response: 'static,
{
    /// What is wrong, each error at its field (or at none).
    pub fn errors(&self) -> &[CommandError] {
        &self.errors
    }

    /// The message at `field`, if any.
    pub fn error(&self, field: &str) -> Option<AttrValue> {
        message_at(&self.errors, field)
    }

    /// The message none of `fields` shows, for above the form.
    pub fn unplaced(&self, fields: &[&str]) -> Option<AttrValue> {
        unplaced_message(&self.errors, fields)
    }

    /// The form is on its way.
    pub fn sending(&self) -> bool {
        *self.sending
    }

    /// The operator changed `field`: its message goes away.
    pub fn edited(&self, field: &str) {
        if self.error(field).is_some() {
            self.errors.set(errors_besides(&self.errors, field));
        }
    }

    /// Fields moved (a row of a list added or removed): the messages of every field
    /// `moved` names go away.
    pub fn moved(&self, moved: impl Fn(&str) -> bool) {
        let kept: Vec<CommandError> = self
            .errors
            .iter()
            .filter(|error| !error.field.as_deref().is_some_and(&moved))
            .cloned()
            .collect();
        if kept.len() != self.errors.len() {
            self.errors.set(kept);
        }
    }

    /// Sends `request`, unless the check before sending `found` something (every reason is
    /// then shown at its field), and gives `onsent` the answer; a refusal is shown at its
    /// field and keeps what was typed.
    pub fn send(&self, request: C::Request, found: Vec<FieldError>, onsent: Callback<C::Response>) {
        if *self.sending {
            return;
        }
        if !found.is_empty() {
            return self
                .errors
                .set(found.into_iter().map(CommandError::from).collect());
        }
        self.errors.set(Vec::new());
        self.sending.set(true);
        let (errors, sending) = (self.errors.clone(), self.sending.clone());
        spawn_local(async move {
            let result = api::invoke::<C>(&request).await;
            sending.set(false);
            match result {
                Ok(answer) => onsent.emit(answer),
                Err(error) => errors.set(vec![error]),
            }
        });
    }
}

/// A form that sends command `C`.
#[hook]
pub fn use_submit<C>() -> SubmitHandle<C>
where
    C: Command + 'static,
{
    SubmitHandle {
        errors: use_state(Vec::new),
        sending: use_state(|| false),
        command: PhantomData,
    }
}
