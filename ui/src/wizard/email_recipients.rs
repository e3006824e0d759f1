//! "Enviar Para": the customer's addresses with check boxes, "Selecionar Todos",
//! "Desmarcar Todos", and "Inverter Seleção" in a menu opened by a right-click (or Shift+F10,
//! or the context-menu key); another address can be typed and added.
use helpdesk_core::email::{check_address, fields};
use web_sys::HtmlElement;
use yew::prelude::*;

use crate::components::{FieldError, TextField};
use crate::dom::focus;
use crate::wizard::state::{EmailEdit, ListedAddress};

/// The field of the address typed by hand.
const OTHER: &str = "email-outro";

/// Props of [`EmailRecipients`].
#[derive(Properties, PartialEq)]
pub struct EmailRecipientsProps {
    /// The customer's addresses, in order.
    pub listed: Vec<ListedAddress>,
    /// The addresses checked.
    pub recipients: Vec<String>,
    /// What was said about the recipients.
    pub error: Option<AttrValue>,
    /// Whether the customer's record is still on its way.
    pub loading: bool,
    pub onedit: Callback<EmailEdit>,
}

/// `fieldset#email-para`.
#[function_component]
pub fn EmailRecipients(props: &EmailRecipientsProps) -> Html {
    // Where the menu opened (viewport pixels), while it is open.
    let menu = use_state(|| None::<(i32, i32)>);
    let other = use_state(String::new);
    let other_error = use_state(|| None::<AttrValue>);
    let list_ref = use_node_ref();
    let menu_ref = use_node_ref();
    {
        let menu_ref = menu_ref.clone();
        use_effect_with(*menu, move |at| {
            if let (Some((x, y)), Some(element)) = (at, menu_ref.cast::<HtmlElement>()) {
                let style = element.style();
                // A value the browser refuses only costs the menu's place.
                let _ = style.set_property("left", &format!("{x}px"));
                let _ = style.set_property("top", &format!("{y}px"));
                if let Ok(Some(item)) = element.query_selector("button") {
                    if let Ok(item) = wasm_bindgen::JsCast::dyn_into::<HtmlElement>(item) {
                        let _ = item.focus();
                    }
                }
            }
        });
    }
    let oncontextmenu = {
        let menu = menu.clone();
        Callback::from(move |event: MouseEvent| {
            event.prevent_default();
            menu.set(Some((event.client_x(), event.client_y())));
        })
    };
    let onkeydown = {
        let menu = menu.clone();
        Callback::from(move |event: KeyboardEvent| {
            let asks = event.key() == "ContextMenu" || (event.shift_key() && event.key() == "F10");
            if !asks {
                return;
            }
            event.prevent_default();
            let at = event
                .target_dyn_into::<web_sys::Element>()
                .map(|target| target.get_bounding_client_rect())
                .map_or((0, 0), |rect| (rect.left() as i32, rect.bottom() as i32));
            menu.set(Some(at));
        })
    };
    let close_menu = {
        let (menu, list_ref) = (menu.clone(), list_ref.clone());
        Callback::from(move |()| {
            menu.set(None);
            focus(&list_ref);
        })
    };
    let oninvert = {
        let (onedit, close_menu) = (props.onedit.clone(), close_menu.clone());
        Callback::from(move |_: MouseEvent| {
            onedit.emit(EmailEdit::Invert);
            close_menu.emit(());
        })
    };
    let onmenukey = {
        let close_menu = close_menu.clone();
        Callback::from(move |event: KeyboardEvent| {
            if matches!(event.key().as_str(), "Escape" | "Tab") {
                event.prevent_default();
                event.stop_propagation();
                close_menu.emit(());
            }
        })
    };
    // The click or right-click that closes the menu does nothing else (nor reopens it).
    let onbackdrop = close_menu.reform(|event: MouseEvent| {
        event.prevent_default();
        event.stop_propagation();
    });
    let emit = |edit: EmailEdit| props.onedit.reform(move |_: MouseEvent| edit.clone());
    let onother = {
        let (other, other_error) = (other.clone(), other_error.clone());
        Callback::from(move |typed: String| {
            other.set(typed);
            other_error.set(None);
        })
    };
    let onadd = {
        let (other, other_error, onedit) =
            (other.clone(), other_error.clone(), props.onedit.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            match check_address(OTHER, &other) {
                Ok(address) => {
                    onedit.emit(EmailEdit::AddAddress(address));
                    other.set(String::new());
                }
                Err(error) => other_error.set(Some(error.message.into())),
            }
        })
    };
    let checked = |address: &str| {
        props
            .recipients
            .iter()
            .any(|r| r.eq_ignore_ascii_case(address))
    };
    let row = |address: &str, note: Option<String>| {
        let address = address.to_owned();
        let onchange = props.onedit.reform({
            let address = address.clone();
            move |_: Event| EmailEdit::Toggle(address.clone())
        });
        html! {
            <li key={address.clone()}>
                <label>
                    <input type="checkbox" name="email-para" value={address.clone()}
                        checked={checked(&address)} {onchange} />
                    <span class="recipient-address">{ address.clone() }</span>
                    if let Some(note) = note {
                        <span class="muted">{ note }</span>
                    }
                </label>
            </li>
        }
    };
    let others: Vec<&String> = props
        .recipients
        .iter()
        .filter(|r| {
            !props
                .listed
                .iter()
                .any(|l| l.address.eq_ignore_ascii_case(r))
        })
        .collect();

    html! {
        <fieldset id="email-para" class="email-recipients" {oncontextmenu} {onkeydown}>
            <legend>{ "Enviar Para" }<span class="required">{ " *" }</span></legend>
            <ul class="recipient-list" tabindex="-1" ref={list_ref}
                aria-invalid={props.error.is_some().then_some("true")}>
                { for props.listed.iter().map(|l| row(&l.address, l.contact.as_ref().map(|name| format!("({name})")))) }
                { for others.iter().map(|address| row(address, Some("(outro endereço)".to_owned()))) }
            </ul>
            if props.listed.is_empty() && others.is_empty() {
                <p id="email-sem-enderecos" class="muted">
                    { if props.loading { "Carregando os e-mails do cliente…" } else { "O cliente e seus contatos não têm e-mail cadastrado; informe um endereço abaixo." } }
                </p>
            }
            <div class="recipient-actions">
                <button id="email-selecionar-todos" type="button" onclick={emit(EmailEdit::SelectAll)}>
                    { "Selecionar Todos" }
                </button>
                <button id="email-desmarcar-todos" type="button" onclick={emit(EmailEdit::SelectNone)}>
                    { "Desmarcar Todos" }
                </button>
                <span class="hint muted">{ "Botão direito (ou Shift+F10) na lista: Inverter Seleção" }</span>
            </div>
            <FieldError field={fields::RECIPIENTS} message={props.error.clone()} />
            <form class="other-address" novalidate=true onsubmit={onadd}>
                <TextField
                    id={OTHER}
                    label="Outro endereço"
                    bare=true
                    kind="email"
                    placeholder="nome@provedor.com.br"
                    value={(*other).clone()}
                    error={(*other_error).clone()}
                    oninput={onother}
                    after={html! { <button id="email-adicionar-endereco" type="submit">{ "Adicionar" }</button> }}
                />
            </form>
            if menu.is_some() {
                <div class="context-menu-backdrop" onclick={onbackdrop.clone()} oncontextmenu={onbackdrop}></div>
                <div id="email-menu" class="context-menu" role="menu" ref={menu_ref} onkeydown={onmenukey}>
                    <button id="email-inverter-selecao" type="button" role="menuitem" onclick={oninvert}>
                        { "Inverter Seleção" }
                    </button>
                </div>
            }
        </fieldset>
    }
}
