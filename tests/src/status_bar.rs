//! The status bar at the foot of the home page, as the tests read it.
use std::time::{Duration, Instant};

use crate::{Harness, StepResult};

/// Waits until the status bar's sync line contains `text` and its last sync is not
/// `before` (the one seen earlier).
pub async fn status_says(app: &Harness, text: &str, before: Option<&str>) -> StepResult<String> {
    let last = status_until(app, &format!("say {text:?}"), |shown, last| {
        shown.contains(text) && (before.is_none() || last != before)
    })
    .await?;
    Ok(last.unwrap_or_default())
}

/// Waits until the status bar's sync line no longer contains `text`.
pub async fn status_lacks(app: &Harness, text: &str) -> StepResult {
    status_until(app, &format!("stop saying {text:?}"), |shown, _| {
        !shown.contains(text)
    })
    .await
    .map(drop)
}

/// Waits until `ready` holds for the sync line's whole text (also where the bar cuts it
/// with an ellipsis) and its last sync; answers that last sync. `should` says what was
/// awaited, for the error.
async fn status_until(
    app: &Harness,
    should: &str,
    ready: impl Fn(&str, Option<&str>) -> bool,
) -> StepResult<Option<String>> {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let line = app.element("#sincronizacao").await?;
        let shown = line
            .prop("textContent")
            .await
            .map_err(|error| error.to_string())?
            .unwrap_or_default();
        let last = line
            .attr("data-last-sync")
            .await
            .map_err(|error| error.to_string())?;
        if ready(&shown, last.as_deref()) {
            return Ok(last);
        }
        if Instant::now() > deadline {
            return Err(format!("the status bar should {should}, says {shown:?}"));
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}
