//! The app's log: the console and a rotating file in the app's log folder (Tauri's log
//! plugin), native panics logged, and a clean exit on SIGTERM (so the window's state and
//! the log are written as when the window closes).
use std::path::{Path, PathBuf};

use log::LevelFilter;
use tauri::{AppHandle, Runtime};
use tauri_plugin_log::{RotationStrategy, Target, TargetKind};

/// The log file's name in the log folder, without `.log`; rotated files add a date to it.
pub const LOG_FILE: &str = "helpdesk";
/// Above this size a log file is set aside and a new one begun.
const MAX_FILE_BYTES: u128 = 2 * 1024 * 1024;
/// How many set-aside log files are kept besides the current one.
const KEPT_FILES: usize = 4;

/// The log plugin: the console (stderr) and the log folder's file, at the level of
/// `RUST_LOG` when it names one (`info` otherwise).
pub fn plugin<R: Runtime>() -> tauri::plugin::TauriPlugin<R> {
    tauri_plugin_log::Builder::new()
        .clear_targets()
        .targets([
            Target::new(TargetKind::Stderr),
            Target::new(TargetKind::LogDir {
                file_name: Some(LOG_FILE.to_owned()),
            }),
        ])
        .max_file_size(MAX_FILE_BYTES)
        .rotation_strategy(RotationStrategy::KeepSome(KEPT_FILES))
        .level(level())
        .build()
}

/// The level asked in `RUST_LOG` (a bare level such as `debug`), else `info`.
fn level() -> LevelFilter {
    std::env::var("RUST_LOG")
        .ok()
        .and_then(|asked| asked.trim().parse().ok())
        .unwrap_or(LevelFilter::Info)
}

/// Native panics go to the log (with where they happened) before the usual report.
pub fn log_panics() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let payload = info
            .payload()
            .downcast_ref::<&str>()
            .map(|text| (*text).to_owned())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "(no message)".to_owned());
        let place = info.location().map_or_else(
            || "an unknown place".to_owned(),
            |location| format!("{}:{}", location.file(), location.line()),
        );
        log::error!(
            "panic at {place}: {}",
            helpdesk_core::diagnostics::redact(&payload)
        );
        previous(info);
    }));
}

/// The app's log folder.
pub fn folder<R: Runtime>(app: &AppHandle<R>) -> tauri::Result<PathBuf> {
    use tauri::Manager;
    app.path().app_log_dir()
}

/// The log files of `folder` (the current one and those set aside), oldest first.
pub fn files(folder: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(folder)?
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| {
            path.extension().is_some_and(|extension| extension == "log")
                && path
                    .file_name()
                    .and_then(|name| name.to_str())
                    .is_some_and(|name| name.starts_with(LOG_FILE))
        })
        .collect();
    // Set-aside files are named by date; the current one comes last.
    found.sort_by_key(|path| {
        let name = path
            .file_name()
            .map(|name| name.to_string_lossy().into_owned())
            .unwrap_or_default();
        (name == format!("{LOG_FILE}.log"), name)
    });
    Ok(found)
}

/// On SIGTERM (the session ending, a service manager, the tests), the app exits as when
/// its window closes: the window's size and place are saved, the log is complete.
#[cfg(unix)]
pub fn exit_on_terminate<R: Runtime>(app: AppHandle<R>) {
    tauri::async_runtime::spawn(async move {
        use tokio::signal::unix::{signal, SignalKind};
        match signal(SignalKind::terminate()) {
            Ok(mut terminate) => {
                if terminate.recv().await.is_some() {
                    log::info!("asked to stop (SIGTERM): exiting");
                    app.exit(0);
                }
            }
            Err(error) => log::warn!("SIGTERM is not listened to: {error}"),
        }
    });
}

/// Elsewhere the system closes the window itself.
#[cfg(not(unix))]
pub fn exit_on_terminate<R: Runtime>(_app: AppHandle<R>) {}

#[cfg(test)]
mod tests {
    use std::sync::Mutex;

    use super::*;

    /// Keeps every record logged, as the file would.
    struct Kept(Mutex<Vec<String>>);

    impl log::Log for Kept {
        fn enabled(&self, _: &log::Metadata<'_>) -> bool {
            true
        }

        fn log(&self, record: &log::Record<'_>) {
            if let Ok(mut kept) = self.0.lock() {
                kept.push(format!("[{}] {}", record.level(), record.args()));
            }
        }

        fn flush(&self) {}
    }

    static KEPT: Kept = Kept(Mutex::new(Vec::new()));

    #[test]
    fn a_native_panic_is_logged_with_its_place_and_without_a_secret() {
        log::set_logger(&KEPT).expect("the only logger of this test binary");
        log::set_max_level(LevelFilter::Info);
        log_panics();
        // A failed `expect` panics here, with its message.
        let panicked = std::thread::spawn(|| {
            "x".parse::<u8>()
                .expect("could not connect: password=hunter2 refused");
        })
        .join();
        assert!(panicked.is_err());
        let kept = KEPT.0.lock().expect("the records").clone();
        let line = kept
            .iter()
            .find(|line| line.contains("panic at "))
            .unwrap_or_else(|| unreachable!("no panic logged: {kept:?}"));
        assert!(
            line.starts_with("[ERROR] panic at src-tauri/src/logging.rs:"),
            "{line}"
        );
        assert!(
            line.contains("could not connect: password=*** refused"),
            "{line}"
        );
        assert!(!line.contains("hunter2"), "{line}");
    }

    #[test]
    fn the_log_files_come_oldest_first_and_the_current_last() {
        let folder = tempfile::tempdir().expect("temp dir");
        for name in [
            "helpdesk.log",
            "helpdesk_2026-12-05_10-00-00.log",
            "helpdesk_2026-12-01_10-00-00.log",
            "helpdesk_2026-12-01_10-00-00.log.bak",
            "notes.txt",
        ] {
            std::fs::write(folder.path().join(name), "x").expect("file");
        }
        let found: Vec<String> = files(folder.path())
            .expect("listed")
            .iter()
            .filter_map(|path| path.file_name()?.to_str().map(str::to_owned))
            .collect();
        assert_eq!(
            found,
            [
                "helpdesk_2026-12-01_10-00-00.log",
                "helpdesk_2026-12-05_10-00-00.log",
                "helpdesk.log"
            ]
        );
    }
}
