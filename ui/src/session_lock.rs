//! The session's lock as the commands report it: any command refused because the session
//! is locked tells the root component, which draws the lock over the window.
use std::cell::RefCell;

use wasm_bindgen::JsValue;
use yew::Callback;

/// The error code of a command refused because the session is locked.
const LOCKED_CODE: &str = "SESSION_LOCKED";

thread_local! {
    /// Who is told when a command finds the session locked.
    static LISTENER: RefCell<Option<Callback<()>>> = const { RefCell::new(None) };
}

/// Tells `listener` (or no one, with `None`) whenever a command finds the session locked.
pub fn listen(listener: Option<Callback<()>>) {
    LISTENER.with(|slot| *slot.borrow_mut() = listener);
}

/// Looks at a command's rejection, before it is decoded: the code is read as it came, so
/// a code this build does not know yet still locks the window.
pub fn notice(rejection: &JsValue) {
    let code = js_sys::Reflect::get(rejection, &JsValue::from_str("code"))
        .ok()
        .and_then(|code| code.as_string());
    if code.as_deref().is_some_and(is_lock_code) {
        let listener = LISTENER.with(|slot| slot.borrow().clone());
        if let Some(listener) = listener {
            listener.emit(());
        }
    }
}

/// Whether a command's error code says the session is locked.
fn is_lock_code(code: &str) -> bool {
    code == LOCKED_CODE
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_lock_code_locks() {
        assert!(is_lock_code("SESSION_LOCKED"));
        assert!(!is_lock_code("NOT_AUTHENTICATED"));
        assert!(!is_lock_code("session_locked"));
    }
}
