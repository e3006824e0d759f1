//! This desktop's colours ("Claro", "Escuro", "Sistema"): the local setting `theme`.
use helpdesk_core::theme::Theme;

use crate::{local_settings, Result, Store};

/// The `local_settings` key of the theme.
const THEME: &str = "theme";

/// The theme chosen on this desktop; the system's when none was.
pub async fn load(store: &Store) -> Result<Theme> {
    let stored = local_settings::get(store, THEME).await?;
    Ok(stored.map_or(Theme::System, |key| Theme::from_key(&key)))
}

/// Keeps `theme` as this desktop's.
pub async fn save(store: &Store, theme: Theme) -> Result<()> {
    let mut conn = store.pool().acquire().await?;
    local_settings::set_in(&mut conn, THEME, theme.key()).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn the_system_until_chosen_then_the_choice() {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = Store::open(&dir.path().join("theme.db"))
            .await
            .expect("open");
        assert_eq!(load(&store).await.expect("load"), Theme::System);
        save(&store, Theme::Dark).await.expect("save");
        assert_eq!(load(&store).await.expect("load"), Theme::Dark);
        save(&store, Theme::Light).await.expect("save");
        assert_eq!(load(&store).await.expect("load"), Theme::Light);
    }
}
