//! Where the window stands: what it shows before anyone signs in ("Primeira configuração",
//! the wait for a server's users, the sign-in) and after (the forced password change, the
//! home page). No DOM and no IPC.
use helpdesk_api::{Operator, SetupState};

/// What the window shows.
#[derive(Debug, Clone, PartialEq)]
pub enum Stage {
    /// Waiting for the shell's answers at start-up.
    Checking,
    /// "Primeira configuração": the database has no user and joined no server.
    FirstRun,
    /// The desktop joined a server and waits for its users.
    AwaitingUsers,
    /// The sign-in.
    SignIn,
    /// "Trocar senha" before anything else: the operator must choose a new password.
    ChangePassword(Operator),
    /// The home page.
    Home(Operator),
}

impl Stage {
    /// What the window shows before the sign-in, when the setup asks for something else;
    /// `None` when the desktop is ready for operators.
    pub fn before_sign_in(setup: &SetupState) -> Option<Self> {
        if setup.needs_setup {
            Some(Self::FirstRun)
        } else if setup.awaiting_users {
            Some(Self::AwaitingUsers)
        } else {
            None
        }
    }

    /// What the window shows once `operator` is signed in.
    pub fn signed_in(operator: Operator) -> Self {
        if operator.must_change_password {
            Self::ChangePassword(operator)
        } else {
            Self::Home(operator)
        }
    }

    /// The operator signed in, whatever is on screen.
    pub fn operator(&self) -> Option<&Operator> {
        match self {
            Self::ChangePassword(operator) | Self::Home(operator) => Some(operator),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use helpdesk_api::Uuid;

    use super::*;

    fn setup(needs_setup: bool, awaiting_users: bool) -> SetupState {
        SetupState {
            needs_setup,
            awaiting_users,
            sync_error: None,
            demo: false,
            provider_name: None,
            idle_lock_minutes: 15,
            theme: helpdesk_api::Theme::System,
        }
    }

    fn operator(must_change_password: bool) -> Operator {
        Operator {
            id: Uuid::from_u128(1),
            login: "ana".into(),
            name: "Ana".into(),
            role: "Atendente".into(),
            administrator: false,
            edits_customers: false,
            must_change_password,
        }
    }

    #[test]
    fn an_empty_database_opens_the_first_run_and_a_joined_one_waits_for_its_users() {
        assert_eq!(
            Stage::before_sign_in(&setup(true, false)),
            Some(Stage::FirstRun)
        );
        assert_eq!(
            Stage::before_sign_in(&setup(false, true)),
            Some(Stage::AwaitingUsers)
        );
        assert_eq!(Stage::before_sign_in(&setup(false, false)), None);
    }

    #[test]
    fn a_password_to_change_comes_before_the_home_page() {
        let forced = Stage::signed_in(operator(true));
        assert_eq!(forced, Stage::ChangePassword(operator(true)));
        assert_eq!(forced.operator(), Some(&operator(true)));
        assert_eq!(
            Stage::signed_in(operator(false)),
            Stage::Home(operator(false))
        );
        assert_eq!(Stage::SignIn.operator(), None);
    }
}
