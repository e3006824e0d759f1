//! Signed updates (docs/RELEASING.md): Tauri's updater plugin, which trusts only releases
//! signed with the private key of the public key in `tauri.conf.json`
//! (`plugins > updater > pubkey`).
//!
//! Where releases are announced is the administrator's choice: the `latest.json` address
//! in `HELPDESK_UPDATE_URL` when set, else the `endpoints` of the config (empty in the
//! repository). With an address, the app asks it once at start-up, in the background, and
//! logs whether a newer release is there; nothing is downloaded or installed on its own.
use tauri::{AppHandle, Runtime, Url};
use tauri_plugin_updater::UpdaterExt;

/// The variable an administrator sets to the address of the provider's `latest.json`.
pub const URL_VARIABLE: &str = "HELPDESK_UPDATE_URL";

/// The updater plugin, configured from `tauri.conf.json`.
pub fn plugin<R: Runtime>() -> tauri::plugin::TauriPlugin<R, tauri_plugin_updater::Config> {
    tauri_plugin_updater::Builder::new().build()
}

/// The address `HELPDESK_UPDATE_URL` holds, if it holds one: `None` when unset or blank.
pub fn url_from(value: Option<String>) -> Option<Result<Url, String>> {
    let value = value?;
    let value = value.trim();
    if value.is_empty() {
        return None;
    }
    Some(
        Url::parse(value)
            .map_err(|error| format!("{URL_VARIABLE} is not an address ({value:?}): {error}")),
    )
}

/// What the update address says: the newer version it offers, if any.
pub async fn newer_version<R: Runtime>(
    app: &AppHandle<R>,
    url: Option<Url>,
) -> Result<Option<String>, String> {
    let mut builder = app.updater_builder();
    if let Some(url) = url {
        builder = builder.endpoints(vec![url]).map_err(|e| e.to_string())?;
    }
    let updater = builder.build().map_err(|error| error.to_string())?;
    let update = updater.check().await.map_err(|error| error.to_string())?;
    Ok(update.map(|update| update.version))
}

/// Asks the update address, if one is set, for a newer release in the background, and logs
/// the answer.
pub fn spawn_check<R: Runtime>(app: &AppHandle<R>) {
    let url = match url_from(std::env::var(URL_VARIABLE).ok()) {
        Some(Ok(url)) => Some(url),
        Some(Err(error)) => {
            log::warn!("updates: {error}");
            return;
        }
        None => None,
    };
    let configured = app
        .config()
        .plugins
        .0
        .get("updater")
        .and_then(|updater| updater.get("endpoints"))
        .and_then(|endpoints| endpoints.as_array())
        .is_some_and(|endpoints| !endpoints.is_empty());
    if url.is_none() && !configured {
        log::info!("updates: no update address ({URL_VARIABLE}); not checking");
        return;
    }
    let app = app.clone();
    tauri::async_runtime::spawn(async move {
        match newer_version(&app, url).await {
            Ok(Some(version)) => log::info!("updates: version {version} is available"),
            Ok(None) => log::info!("updates: this is the latest version"),
            Err(error) => log::warn!("updates: the check failed: {error}"),
        }
    });
}

#[cfg(test)]
mod tests {
    use super::url_from;

    #[test]
    fn an_unset_or_blank_variable_sets_no_address() {
        assert!(url_from(None).is_none());
        assert!(url_from(Some("  ".into())).is_none());
    }

    #[test]
    fn the_variable_holds_an_address_or_is_refused() {
        let url = url_from(Some(
            " https://atualizacoes.provedor.com.br/latest.json ".into(),
        ));
        assert_eq!(
            url.and_then(Result::ok).map(|url| url.to_string()),
            Some("https://atualizacoes.provedor.com.br/latest.json".to_string())
        );
        assert!(matches!(
            url_from(Some("atualizacoes".into())),
            Some(Err(_))
        ));
    }
}
