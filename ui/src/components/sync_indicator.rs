//! The status bar at the window's foot: where sync stands and "Sincronizar agora". The
//! status is asked again every few seconds while the page is open.
use std::cell::Cell;
use std::rc::Rc;

use gloo_timers::future::TimeoutFuture;
use helpdesk_api::{LoadSyncStatus, SyncNow, SyncStatus};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::api;
use crate::dom::local_offset_minutes;

/// How often the status is asked, in ms.
const POLL_MS: u32 = 3_000;

/// `footer.status-bar` with `#sincronizacao` and `button#sincronizar-agora`.
#[function_component]
pub fn SyncIndicator() -> Html {
    let status = use_state(|| None::<SyncStatus>);
    {
        let status = status.clone();
        use_effect_with((), move |()| {
            let open = Rc::new(Cell::new(true));
            let polling = Rc::clone(&open);
            spawn_local(async move {
                while polling.get() {
                    if let Ok(now) = api::invoke::<LoadSyncStatus>(&()).await {
                        status.set(Some(now));
                    }
                    TimeoutFuture::new(POLL_MS).await;
                }
            });
            move || open.set(false)
        });
    }
    let onsync = {
        let status = status.clone();
        Callback::from(move |_: MouseEvent| {
            let status = status.clone();
            spawn_local(async move {
                if let Ok(mut now) = api::invoke::<SyncNow>(&()).await {
                    now.running = true;
                    status.set(Some(now));
                }
            });
        })
    };
    let Some(current) = &*status else {
        return html! {};
    };
    let registered = current.server_url.is_some();
    html! {
        <footer class="status-bar">
            <span
                id="sincronizacao"
                class={classes!(current.error.is_some().then_some("failed"))}
                data-waiting={current.waiting.to_string()}
                data-last-sync={current.last_sync_at.map(|at| at.to_string())}
                title={current.error.clone()}
                aria-live="polite"
            >
                { current.headline(local_offset_minutes()) }
            </span>
            if registered {
                <button id="sincronizar-agora" type="button" onclick={onsync}
                    disabled={current.running}>
                    { "Sincronizar agora" }
                </button>
            }
        </footer>
    }
}
