//! The window's colours: `data-theme="light"` or `"dark"` on `<html>`, from the desktop's
//! choice ([`Theme`]) and, for "Sistema", the system's `prefers-color-scheme`, followed as it
//! changes. The colours themselves are the tokens of `tokens.css`.
use std::cell::{Cell, RefCell};

use gloo_events::EventListener;
use helpdesk_core::theme::Theme;
use web_sys::MediaQueryList;

const DARK_QUERY: &str = "(prefers-color-scheme: dark)";

thread_local! {
    static CHOSEN: Cell<Theme> = const { Cell::new(Theme::System) };
    /// Re-applies the theme when the system switches, while "Sistema" is chosen.
    static SYSTEM_LISTENER: RefCell<Option<EventListener>> = const { RefCell::new(None) };
}

/// The theme chosen on this desktop, as last applied.
pub fn chosen() -> Theme {
    CHOSEN.with(Cell::get)
}

/// Shows the window in `theme` and follows the system from now on if it is "Sistema".
pub fn apply(theme: Theme) {
    CHOSEN.with(|chosen| chosen.set(theme));
    paint();
    SYSTEM_LISTENER.with(|listener| {
        let mut listener = listener.borrow_mut();
        if listener.is_none() {
            if let Some(query) = dark_query() {
                *listener = Some(EventListener::new(&query, "change", |_| paint()));
            }
        }
    });
}

/// Sets `data-theme` on `<html>` from the choice and the system's preference.
fn paint() {
    let prefers_dark = dark_query().is_some_and(|query| query.matches());
    let value = if chosen().is_dark(prefers_dark) {
        "dark"
    } else {
        "light"
    };
    if let Some(root) = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.document_element())
    {
        // Setting an attribute on <html> does not fail.
        let _ = root.set_attribute("data-theme", value);
    }
}

fn dark_query() -> Option<MediaQueryList> {
    web_sys::window()?.match_media(DARK_QUERY).ok().flatten()
}
