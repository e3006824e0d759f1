//! The system's file picker is a native GTK dialog, out of WebDriver's reach: the harness
//! answers it as an operator would, typing the file's path into it (xdotool, through the
//! X server's XTEST extension, on the app's virtual display).
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use crate::{Harness, StepResult, POLL, TIMEOUT};

impl Harness {
    /// Waits for the file picker titled `title`, gives it the keyboard, types `path` in its
    /// location field and presses Enter until the picker closes (GTK checks the typed path
    /// in the background; an Enter before that is taken as a completion), typing the path
    /// again every third try.
    pub async fn answer_file_picker(&self, title: &str, path: &Path) -> StepResult {
        let path = path.to_str().ok_or("a path that is text")?;
        let deadline = Instant::now() + TIMEOUT;
        let window = loop {
            if let Some(window) = self.picker(title) {
                break window;
            }
            if Instant::now() > deadline {
                return Err(format!("the file picker \"{title}\" did not open"));
            }
            tokio::time::sleep(POLL).await;
        };
        self.xdotool(&["windowfocus", "--sync", &window])?;
        let mut attempt = 0;
        while self.picker(title).is_some() {
            if Instant::now() > deadline {
                return Err(format!("the file picker \"{title}\" did not take {path}"));
            }
            // The location field completes names as they are typed; when a busy machine
            // lets a completion land between keys, the path is typed anew.
            if attempt % 3 == 0 {
                self.xdotool(&["key", "--clearmodifiers", "ctrl+l", "ctrl+a", "BackSpace"])?;
                self.xdotool(&["type", "--clearmodifiers", "--delay", "20", path])?;
            }
            attempt += 1;
            self.xdotool(&["key", "--clearmodifiers", "Return"])?;
            let pressed = Instant::now();
            while self.picker(title).is_some() && pressed.elapsed() < Duration::from_secs(1) {
                tokio::time::sleep(POLL).await;
            }
        }
        Ok(())
    }

    /// The visible window titled `title`, if there is one.
    fn picker(&self, title: &str) -> Option<String> {
        // `search` fails while no window matches.
        let ids = self
            .xdotool(&["search", "--onlyvisible", "--name", title])
            .ok()?;
        ids.lines().last().map(str::to_owned)
    }

    fn xdotool(&self, args: &[&str]) -> StepResult<String> {
        let output = Command::new("xdotool")
            .args(args)
            .env("DISPLAY", &self.display)
            .output()
            .map_err(|error| format!("xdotool (run scripts/setup.sh test): {error}"))?;
        if !output.status.success() {
            return Err(format!(
                "xdotool {args:?}: {}",
                String::from_utf8_lossy(&output.stderr)
            ));
        }
        Ok(String::from_utf8_lossy(&output.stdout).trim().to_owned())
    }
}
