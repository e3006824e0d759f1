//! Where the desktop's database lives, and opening it at start-up.
use std::path::{Path, PathBuf};

use helpdesk_demo::DemoConfig;
use helpdesk_store::{people, Store};
use tauri::{AppHandle, Manager, Runtime};

/// Environment variable that points the app at another database file (tests, support).
pub const DATABASE_ENV: &str = "HELPDESK_DB";
/// Command-line flag that fills an empty database with the small demo data set.
pub const DEMO_FLAG: &str = "--demo";

/// The database file: `$HELPDESK_DB`, or `helpdesk.db` in the app's data folder.
pub fn path<R: Runtime>(app: &AppHandle<R>) -> Result<PathBuf, Box<dyn std::error::Error>> {
    if let Some(path) = std::env::var_os(DATABASE_ENV) {
        return Ok(PathBuf::from(path));
    }
    let folder = app.path().app_data_dir()?;
    std::fs::create_dir_all(&folder)?;
    Ok(folder.join("helpdesk.db"))
}

/// Opens the database, seeding demo data when asked to and it has no operators yet.
pub async fn open(path: &Path) -> Result<Store, Box<dyn std::error::Error>> {
    log::info!("opening database {}", path.display());
    let store = Store::open(path).await?;
    if std::env::args().any(|arg| arg == DEMO_FLAG) && !people::has_users(&store).await? {
        let summary = helpdesk_demo::seed(&store, &DemoConfig::small()).await?;
        log::info!("seeded demo data: {summary:?}");
        let tickets = helpdesk_demo::seed_tickets(&store, &DemoConfig::small()).await?;
        log::info!("seeded demo tickets: {tickets}");
    }
    Ok(store)
}
