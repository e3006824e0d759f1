//! The window's keyboard shortcuts: one list, read both by the key handler and by the help
//! overlay (F1, or "?" outside a text field).
//!
//! Alt with a letter, matched on the key's letter (`KeyboardEvent.key`) or, when Alt made it
//! another character, on the physical key (`KeyboardEvent.code`): they do not clash with
//! typing nor with the text fields' own Ctrl keys.

/// What a shortcut does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShortcutAction {
    /// "Novo Atendimento" (or the draft left from before, to continue or discard).
    NewTicket,
    /// The start panel's "Consultar protocolo", its field focused.
    FindProtocol,
    /// The start panel's "Sua fila".
    Queue,
    /// "Agenda Técnica".
    Agenda,
    /// This list, over the window.
    Help,
}

/// One shortcut: the key, as shown and as matched, and what it does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shortcut {
    pub action: ShortcutAction,
    /// As the help shows it: "Alt+N".
    pub keys: &'static str,
    /// The `KeyboardEvent.code` pressed with Alt ("KeyN": the letter N).
    code: &'static str,
    /// pt-BR, as the help shows it.
    pub description: &'static str,
}

/// Every Alt shortcut, in the order the help lists them (then F1 / "?" for the help).
pub const SHORTCUTS: &[Shortcut] = &[
    Shortcut {
        action: ShortcutAction::NewTicket,
        keys: "Alt+N",
        code: "KeyN",
        description: "Novo Atendimento",
    },
    Shortcut {
        action: ShortcutAction::FindProtocol,
        keys: "Alt+P",
        code: "KeyP",
        description: "Consultar protocolo",
    },
    Shortcut {
        action: ShortcutAction::Queue,
        keys: "Alt+F",
        code: "KeyF",
        description: "Sua fila",
    },
    Shortcut {
        action: ShortcutAction::Agenda,
        keys: "Alt+A",
        code: "KeyA",
        description: "Agenda Técnica",
    },
];

/// How the help itself is opened, as the help lists it.
pub const HELP_KEYS: &str = "F1 ou ?";
/// What the help says about the help.
pub const HELP_DESCRIPTION: &str = "Esta lista de atalhos (Esc fecha)";

/// A key pressed in the window, as the handler sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct KeyPress<'a> {
    /// `KeyboardEvent.key`: "F1", "?", "n"…
    pub key: &'a str,
    /// `KeyboardEvent.code`: "F1", "KeyN"…
    pub code: &'a str,
    pub alt: bool,
    pub ctrl: bool,
    pub meta: bool,
    /// The focus is in a field that takes text (where "?" is typed, not a shortcut).
    pub in_text_field: bool,
}

/// The shortcut `press` stands for, if any.
pub fn action_for(press: &KeyPress) -> Option<ShortcutAction> {
    if press.ctrl || press.meta {
        return None;
    }
    if press.alt {
        // The letter on the key first (the help names it); the physical key when Alt made
        // the key another character (macOS's Option+N is "˜").
        let by_letter = SHORTCUTS.iter().find(|shortcut| {
            shortcut
                .code
                .strip_prefix("Key")
                .is_some_and(|letter| press.key.eq_ignore_ascii_case(letter))
        });
        return by_letter
            .or_else(|| {
                SHORTCUTS
                    .iter()
                    .find(|shortcut| shortcut.code == press.code)
            })
            .map(|shortcut| shortcut.action);
    }
    match press.key {
        "F1" => Some(ShortcutAction::Help),
        "?" if !press.in_text_field => Some(ShortcutAction::Help),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn alt(code: &str) -> KeyPress<'_> {
        KeyPress {
            key: "x",
            code,
            alt: true,
            ..KeyPress::default()
        }
    }

    #[test]
    fn alt_letters_open_the_frequent_screens_even_in_a_text_field() {
        assert_eq!(action_for(&alt("KeyN")), Some(ShortcutAction::NewTicket));
        assert_eq!(action_for(&alt("KeyP")), Some(ShortcutAction::FindProtocol));
        assert_eq!(action_for(&alt("KeyF")), Some(ShortcutAction::Queue));
        let typing = KeyPress {
            in_text_field: true,
            ..alt("KeyA")
        };
        assert_eq!(action_for(&typing), Some(ShortcutAction::Agenda));
    }

    #[test]
    fn ctrl_and_plain_letters_are_left_to_the_fields() {
        let ctrl = KeyPress {
            ctrl: true,
            ..alt("KeyN")
        };
        assert_eq!(action_for(&ctrl), None);
        let plain = KeyPress {
            key: "n",
            code: "KeyN",
            ..KeyPress::default()
        };
        assert_eq!(action_for(&plain), None);
        assert_eq!(action_for(&alt("KeyZ")), None);
    }

    #[test]
    fn the_letter_counts_first_then_the_physical_key() {
        // A layout where the key marked N is elsewhere: its letter decides.
        let moved = KeyPress {
            key: "n",
            code: "KeyJ",
            alt: true,
            ..KeyPress::default()
        };
        assert_eq!(action_for(&moved), Some(ShortcutAction::NewTicket));
        let upper = KeyPress { key: "A", ..moved };
        assert_eq!(action_for(&upper), Some(ShortcutAction::Agenda));
        // Option+N on a Mac types "˜": the physical key decides.
        let option = KeyPress {
            key: "˜",
            code: "KeyN",
            alt: true,
            ..KeyPress::default()
        };
        assert_eq!(action_for(&option), Some(ShortcutAction::NewTicket));
    }

    #[test]
    fn f1_always_and_question_mark_outside_text_fields_open_the_help() {
        let f1 = KeyPress {
            key: "F1",
            code: "F1",
            in_text_field: true,
            ..KeyPress::default()
        };
        assert_eq!(action_for(&f1), Some(ShortcutAction::Help));
        let question = KeyPress {
            key: "?",
            code: "Slash",
            ..KeyPress::default()
        };
        assert_eq!(action_for(&question), Some(ShortcutAction::Help));
        let typed = KeyPress {
            in_text_field: true,
            ..question
        };
        assert_eq!(action_for(&typed), None);
    }

    #[test]
    fn every_shortcut_has_its_own_key() {
        for (index, shortcut) in SHORTCUTS.iter().enumerate() {
            assert!(SHORTCUTS[index + 1..]
                .iter()
                .all(|other| other.code != shortcut.code && other.action != shortcut.action));
            assert_eq!(
                shortcut.keys.strip_prefix("Alt+"),
                shortcut.code.strip_prefix("Key")
            );
        }
    }
}
