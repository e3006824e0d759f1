//! The root component: asks the shell how the desktop stands (a first run, a server's users
//! awaited) and who is signed in, then shows the matching [`Stage`]; draws the lock over
//! the window after the idle time, or when a command finds the session locked.
use helpdesk_api::{CurrentOperator, ErrorCode, LoadSetupState, LockSession, Operator, SetupState};
use helpdesk_core::setup::DEFAULT_IDLE_LOCK_MINUTES;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::api;
use crate::hooks::use_idle;
use crate::pages::{AwaitingUsers, FirstRun, ForcedPasswordPage, Home, LockOverlay, Login};
use crate::session_lock;
use crate::stage::Stage;
use crate::theme;

/// The whole app.
#[function_component]
pub fn App() -> Html {
    let stage = use_state(|| Stage::Checking);
    let setup = use_state(|| None::<SetupState>);
    let locked = use_state(|| false);

    {
        let (stage, setup) = (stage.clone(), setup.clone());
        use_effect_with((), move |_| spawn_local(start_up(stage, setup)));
    }
    {
        let locked = locked.clone();
        use_effect_with((), move |_| {
            session_lock::listen(Some(Callback::from(move |()| locked.set(true))));
            || session_lock::listen(None)
        });
    }
    let onidle = {
        let (stage, locked) = (stage.clone(), locked.clone());
        Callback::from(move |()| {
            locked.set(true);
            let stage = stage.clone();
            spawn_local(async move {
                // Whatever else failed, the window stays locked until the password is given.
                if let Err(error) = api::invoke::<LockSession>(&()).await {
                    if error.code == ErrorCode::NotAuthenticated {
                        stage.set(Stage::SignIn);
                    }
                }
            });
        })
    };
    let idle_minutes = setup
        .as_ref()
        .map_or(DEFAULT_IDLE_LOCK_MINUTES, |setup| setup.idle_lock_minutes);
    use_idle(
        (stage.operator().is_some() && !*locked).then_some(idle_minutes),
        onidle,
    );

    let signed_in = {
        let (stage, locked) = (stage.clone(), locked.clone());
        Callback::from(move |operator: Operator| {
            locked.set(false);
            stage.set(Stage::signed_in(operator));
        })
    };
    let onlogout = {
        let (stage, locked) = (stage.clone(), locked.clone());
        Callback::from(move |()| {
            locked.set(false);
            stage.set(Stage::SignIn);
        })
    };
    let oncreated = {
        let (setup, signed_in) = (setup.clone(), signed_in.clone());
        Callback::from(move |operator: Operator| {
            spawn_local(refresh_setup(setup.clone()));
            signed_in.emit(operator);
        })
    };
    let onjoined = {
        let stage = stage.clone();
        Callback::from(move |()| stage.set(Stage::AwaitingUsers))
    };
    let onsetup = {
        let (stage, setup) = (stage.clone(), setup.clone());
        Callback::from(move |now: SetupState| {
            if *stage == Stage::AwaitingUsers {
                stage.set(Stage::SignIn);
            }
            setup.set(Some(now));
        })
    };
    let demo = setup.as_ref().is_some_and(|setup| setup.demo);

    let shown = match &*stage {
        Stage::Checking => html! {
            <main class="splash" aria-busy="true">{ "Carregando…" }</main>
        },
        Stage::FirstRun => html! { <FirstRun {oncreated} {onjoined} /> },
        Stage::AwaitingUsers => html! { <AwaitingUsers onready={onsetup} /> },
        Stage::SignIn => html! { <Login onlogin={signed_in.clone()} {demo} /> },
        Stage::ChangePassword(operator) => html! {
            <ForcedPasswordPage operator={operator.clone()} onchanged={signed_in.clone()}
                onlogout={onlogout.clone()} />
        },
        Stage::Home(operator) => html! {
            <Home operator={operator.clone()} {demo} onlogout={onlogout.clone()} {onsetup} />
        },
    };
    html! {
        <>
            { shown }
            if let Some(operator) = stage.operator().filter(|_| *locked) {
                <LockOverlay operator={operator.clone()} onunlock={signed_in} {onlogout} />
            }
        </>
    }
}

/// Where the window starts: the first run or the wait for users when the setup says so,
/// else the operator signed in (or the sign-in). A failure to ask leaves the operator at
/// the sign-in, which asks again.
async fn start_up(stage: UseStateHandle<Stage>, setup: UseStateHandle<Option<SetupState>>) {
    if let Ok(state) = api::invoke::<LoadSetupState>(&()).await {
        theme::apply(state.theme);
        let before = Stage::before_sign_in(&state);
        setup.set(Some(state));
        if let Some(before) = before {
            stage.set(before);
            return;
        }
    }
    stage.set(match api::invoke::<CurrentOperator>(&()).await {
        Ok(Some(operator)) => Stage::signed_in(operator),
        Ok(None) | Err(_) => Stage::SignIn,
    });
}

/// Asks the setup again (the provider was just created).
async fn refresh_setup(setup: UseStateHandle<Option<SetupState>>) {
    if let Ok(state) = api::invoke::<LoadSetupState>(&()).await {
        setup.set(Some(state));
    }
}
