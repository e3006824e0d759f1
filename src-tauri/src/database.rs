//! Where the desktop's database lives, and opening it at start-up.
use std::path::{Path, PathBuf};

use helpdesk_store::Store;
use tauri::{AppHandle, Manager, Runtime};

/// Environment variable that points the app at another database file (tests, support).
pub const DATABASE_ENV: &str = "HELPDESK_DB";
/// Command-line flag that fills an empty database with the small demo data set.
pub const DEMO_FLAG: &str = "--demo";

/// The database file: `$HELPDESK_DB`, or in the app's data folder `helpdesk.db`, or
/// `helpdesk-demo.db` with `--demo`, so a demonstration never sits where the provider's own
/// data goes.
pub fn path<R: Runtime>(app: &AppHandle<R>) -> Result<PathBuf, Box<dyn std::error::Error>> {
    if let Some(path) = std::env::var_os(DATABASE_ENV) {
        return Ok(PathBuf::from(path));
    }
    let folder = app.path().app_data_dir()?;
    std::fs::create_dir_all(&folder)?;
    let file = if demo_asked() {
        "helpdesk-demo.db"
    } else {
        "helpdesk.db"
    };
    Ok(folder.join(file))
}

/// Whether the app runs on the database of its data folder, rather than one named by
/// `$HELPDESK_DB`: then a second start of the app only brings the first window forward.
pub fn default_location() -> bool {
    std::env::var_os(DATABASE_ENV).is_none()
}

/// What the operator reads when the database is open in another process of the app.
pub fn in_use_message(path: &Path) -> String {
    format!(
        "O banco de dados {} já está aberto em outra janela do Helpdesk. \
         Use a janela aberta, ou feche-a antes de abrir outra.",
        path.display()
    )
}

/// What to stop with when the app was started with `--demo` but built without the demo
/// data (the `demo` feature), rather than start on an empty database as if it had worked.
pub fn refused_flag() -> Option<String> {
    (!cfg!(feature = "demo") && demo_asked()).then(|| {
        format!(
            "{DEMO_FLAG} needs a build with the demo data: \
             cargo build -p helpdesk-desktop --features demo"
        )
    })
}

/// Opens the database, with business hours counted at this desktop's UTC offset, seeding
/// demo data when asked to (`--demo`, in a build with the `demo` feature) and it has no
/// operators yet.
pub async fn open(path: &Path) -> Result<Store, Box<dyn std::error::Error>> {
    log::info!("opening database {}", path.display());
    let store = Store::open(path).await?;
    // Business hours are counted in this desktop's local time (at a fixed offset: Brazil
    // keeps no daylight saving).
    store.set_utc_offset_minutes(crate::local_time::today().1);
    #[cfg(feature = "demo")]
    if demo_asked() {
        seed_demo(&store).await?;
    }
    Ok(store)
}

fn demo_asked() -> bool {
    std::env::args().any(|arg| arg == DEMO_FLAG)
}

#[cfg(feature = "demo")]
async fn seed_demo(store: &Store) -> Result<(), Box<dyn std::error::Error>> {
    use helpdesk_demo::DemoConfig;
    if helpdesk_store::people::has_users(store).await? {
        return Ok(());
    }
    let summary = helpdesk_demo::seed(store, &DemoConfig::small()).await?;
    log::info!("seeded demo data: {summary:?}");
    let tickets = helpdesk_demo::seed_tickets(store, &DemoConfig::small()).await?;
    log::info!("seeded demo tickets: {tickets}");
    Ok(())
}
