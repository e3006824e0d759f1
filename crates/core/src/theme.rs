//! The window's colours: light, dark, or as the system says (`prefers-color-scheme`).
//!
//! Kept per desktop (the desktop's local settings), not per user: it follows the screen and
//! the room's light, and it must already hold at the sign-in, before anyone is known.
use serde::{Deserialize, Serialize};
use specta::Type;

/// The operator's choice: "Claro", "Escuro" or "Sistema".
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
pub enum Theme {
    Light,
    Dark,
    /// The system's light or dark theme, followed as it changes.
    #[default]
    System,
}

impl Theme {
    /// Every choice, in the order offered.
    pub const ALL: [Theme; 3] = [Theme::Light, Theme::Dark, Theme::System];

    /// The pt-BR name offered to the operator.
    pub fn label(self) -> &'static str {
        match self {
            Theme::Light => "Claro",
            Theme::Dark => "Escuro",
            Theme::System => "Sistema",
        }
    }

    /// The stored text (and the UI's `<option>` value).
    pub fn key(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
            Theme::System => "system",
        }
    }

    /// The choice stored as `key`; the system's for anything else (nothing stored yet).
    pub fn from_key(key: &str) -> Theme {
        Theme::ALL
            .into_iter()
            .find(|theme| theme.key() == key)
            .unwrap_or_default()
    }

    /// Whether the window is dark, given whether the system prefers dark.
    pub fn is_dark(self, system_prefers_dark: bool) -> bool {
        match self {
            Theme::Light => false,
            Theme::Dark => true,
            Theme::System => system_prefers_dark,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip_and_unknown_is_the_system() {
        for theme in Theme::ALL {
            assert_eq!(Theme::from_key(theme.key()), theme);
        }
        assert_eq!(Theme::from_key(""), Theme::System);
        assert_eq!(Theme::from_key("sepia"), Theme::System);
    }

    #[test]
    fn only_the_system_choice_follows_the_system() {
        assert!(!Theme::Light.is_dark(true));
        assert!(Theme::Dark.is_dark(false));
        assert!(Theme::System.is_dark(true));
        assert!(!Theme::System.is_dark(false));
    }

    #[test]
    fn labels_are_pt_br() {
        let labels: Vec<_> = Theme::ALL.iter().map(|theme| theme.label()).collect();
        assert_eq!(labels, ["Claro", "Escuro", "Sistema"]);
    }
}
