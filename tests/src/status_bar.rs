//! The status bar at the foot of the home page, as the tests read it.
use std::time::{Duration, Instant};

use crate::{Harness, StepResult};

/// Waits until the status bar's sync line contains `text` and its last sync is not
/// `before` (the one seen earlier).
pub async fn status_says(app: &Harness, text: &str, before: Option<&str>) -> StepResult<String> {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let line = app.element("#sincronizacao").await?;
        // The whole text, also where the bar cuts it with an ellipsis.
        let shown = line
            .prop("textContent")
            .await
            .map_err(|error| error.to_string())?
            .unwrap_or_default();
        let last = line
            .attr("data-last-sync")
            .await
            .map_err(|error| error.to_string())?;
        if shown.contains(text) && (before.is_none() || last.as_deref() != before) {
            return Ok(last.unwrap_or_default());
        }
        if Instant::now() > deadline {
            return Err(format!(
                "the status bar should say {text:?}, says {shown:?}"
            ));
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}
