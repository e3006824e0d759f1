//! The keys the agenda answers to.
use helpdesk_core::agenda::Arrow;

/// The arrow of a `KeyboardEvent.key`.
pub fn arrow_of(key: &str) -> Option<Arrow> {
    match key {
        "ArrowUp" => Some(Arrow::Up),
        "ArrowDown" => Some(Arrow::Down),
        "ArrowLeft" => Some(Arrow::Left),
        "ArrowRight" => Some(Arrow::Right),
        _ => None,
    }
}

/// Whether the key is Ctrl+Z (⌘Z on a Mac): "Desfazer".
pub fn is_undo(key: &str, ctrl: bool, meta: bool, shift: bool) -> bool {
    (ctrl || meta) && !shift && key.eq_ignore_ascii_case("z")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arrows_and_undo_are_recognised() {
        assert_eq!(arrow_of("ArrowLeft"), Some(Arrow::Left));
        assert_eq!(arrow_of("Enter"), None);
        assert!(is_undo("z", true, false, false));
        assert!(is_undo("Z", false, true, false));
        assert!(!is_undo("z", false, false, false));
        assert!(!is_undo("z", true, false, true), "Ctrl+Shift+Z is redo");
    }
}
