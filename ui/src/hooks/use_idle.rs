//! `use_idle`: calls back once the operator has done nothing (no key, click, mouse move or
//! wheel anywhere in the window) for the idle time.
use std::cell::RefCell;
use std::rc::Rc;

use gloo_events::EventListener;
use gloo_timers::callback::Interval;
use yew::prelude::*;

use crate::idle::IdleClock;

/// What counts as the operator's activity.
const ACTIVITY: [&str; 4] = ["keydown", "mousedown", "mousemove", "wheel"];
/// How often the clock is looked at, in milliseconds.
const CHECK_EVERY_MS: u32 = 20_000;

/// Watches the operator's activity while `minutes` is given (the idle time), and calls
/// `onidle` once that time passes with none; the count then starts again.
#[hook]
pub fn use_idle(minutes: Option<u32>, onidle: Callback<()>) {
    // The callback of the latest render, read when the time comes.
    let latest = use_mut_ref(|| onidle.clone());
    *latest.borrow_mut() = onidle;
    use_effect_with(minutes, move |minutes| {
        let watch = minutes.and_then(|minutes| watch(minutes, latest));
        move || drop(watch)
    });
}

/// The listeners and the timer of one watch; dropping them ends it.
type Watch = (Vec<EventListener>, Interval);

fn watch(minutes: u32, onidle: Rc<RefCell<Callback<()>>>) -> Option<Watch> {
    let document = web_sys::window()?.document()?;
    let clock = Rc::new(RefCell::new(IdleClock::new(now(), minutes)));
    let listeners = ACTIVITY
        .into_iter()
        .map(|kind| {
            let clock = clock.clone();
            EventListener::new(document.as_ref(), kind, move |_| {
                clock.borrow_mut().touch(now());
            })
        })
        .collect();
    let timer = Interval::new(CHECK_EVERY_MS, move || {
        let at = now();
        if clock.borrow().is_idle(at) {
            clock.borrow_mut().touch(at);
            let onidle = onidle.borrow().clone();
            onidle.emit(());
        }
    });
    Some((listeners, timer))
}

fn now() -> f64 {
    js_sys::Date::now()
}
