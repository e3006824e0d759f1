//! The login page.
use helpdesk_api::{CommandError, Credentials, Login as LoginCommand, Operator};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::api;
use crate::components::{message_at, unplaced_message, FormError, TextField};
use crate::dom::focus;

const LOGIN: &str = "login";
const PASSWORD: &str = "password";

/// Props of [`Login`].
#[derive(Properties, PartialEq)]
pub struct LoginProps {
    /// Called with the operator once the shell accepts the credentials.
    pub onlogin: Callback<Operator>,
    /// The database holds the demonstration's data: said under the title.
    #[prop_or_default]
    pub demo: bool,
}

/// "Usuário", "Senha" and "Entrar"; Enter in either field submits.
#[function_component]
pub fn Login(props: &LoginProps) -> Html {
    let login = use_state(String::new);
    let password = use_state(String::new);
    let errors = use_state(Vec::<CommandError>::new);
    let busy = use_state(|| false);
    let login_ref = use_node_ref();
    let password_ref = use_node_ref();

    {
        let login_ref = login_ref.clone();
        use_effect_with((), move |_| focus(&login_ref));
    }

    let onsubmit = {
        let (login, password, errors, busy) = (
            login.clone(),
            password.clone(),
            errors.clone(),
            busy.clone(),
        );
        let (login_ref, password_ref) = (login_ref.clone(), password_ref.clone());
        let onlogin = props.onlogin.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if *busy {
                return;
            }
            let credentials = Credentials {
                login: (*login).clone(),
                password: (*password).clone(),
            };
            if let Err(error) = credentials.validate() {
                let error = CommandError::from(error);
                focus(field_ref(&error, &login_ref, &password_ref));
                errors.set(vec![error]);
                return;
            }
            errors.set(Vec::new());
            busy.set(true);
            let (password, errors, busy) = (password.clone(), errors.clone(), busy.clone());
            let (login_ref, password_ref) = (login_ref.clone(), password_ref.clone());
            let onlogin = onlogin.clone();
            spawn_local(async move {
                match api::invoke::<LoginCommand>(&credentials).await {
                    Ok(operator) => onlogin.emit(operator),
                    Err(error) => {
                        if error.field.as_deref() == Some(PASSWORD) {
                            password.set(String::new());
                        }
                        focus(field_ref(&error, &login_ref, &password_ref));
                        errors.set(vec![error]);
                        busy.set(false);
                    }
                }
            });
        })
    };

    html! {
        <main class="login-page">
            <form class="login-card" {onsubmit}>
                <h1>{ "Help Desk ISP" }</h1>
                <p class="subtitle">{ "Suporte Online" }</p>
                if props.demo {
                    <p id="marca-demonstracao" class="demo-mark">{ "Dados de demonstração" }</p>
                }
                <TextField
                    id={LOGIN}
                    label="Usuário"
                    autocomplete="username"
                    node_ref={login_ref}
                    value={(*login).clone()}
                    error={message_at(&errors, LOGIN)}
                    oninput={setter(&login)}
                />
                <TextField
                    id={PASSWORD}
                    label="Senha"
                    kind="password"
                    autocomplete="current-password"
                    node_ref={password_ref}
                    value={(*password).clone()}
                    error={message_at(&errors, PASSWORD)}
                    oninput={setter(&password)}
                />
                <FormError message={unplaced_message(&errors, &[LOGIN, PASSWORD])} />
                <button id="entrar" type="submit" class="primary" disabled={*busy}>
                    { "Entrar" }
                </button>
            </form>
        </main>
    }
}

/// Keeps `state` in step with what is typed in a field.
fn setter(state: &UseStateHandle<String>) -> Callback<String> {
    let state = state.clone();
    Callback::from(move |text: String| state.set(text))
}

/// The input an error belongs to (the login field for errors of neither).
fn field_ref<'a>(error: &CommandError, login: &'a NodeRef, password: &'a NodeRef) -> &'a NodeRef {
    if error.field.as_deref() == Some(PASSWORD) {
        password
    } else {
        login
    }
}
