//! The demo provider's business hours and holidays, written through the store's own
//! functions: Monday to Friday 08:00–18:00, Saturday 08:00–12:00, and Brazil's national
//! holidays of this year and the next, so the demo's due times count business hours as a
//! provider's would.
use chrono::Datelike;
use helpdesk_core::business_hours::Week;
use helpdesk_core::date::day_of;
use helpdesk_store::{business_hours, holidays, Store, StoreError};

/// Writes the week and the holidays of the year of `anchor_ms` (Unix ms) and the next.
pub(crate) async fn seed(store: &Store, anchor_ms: i64) -> Result<(), StoreError> {
    let mut openings: Vec<(u8, u16, u16)> =
        (1..=5).map(|weekday| (weekday, 8 * 60, 18 * 60)).collect();
    openings.push((6, 8 * 60, 12 * 60));
    business_hours::save_week(store, &Week::from_openings(openings)).await?;
    let year = day_of(anchor_ms, store.utc_offset_minutes()).year();
    for year in [year, year + 1] {
        holidays::add_national(store, year).await?;
    }
    Ok(())
}
