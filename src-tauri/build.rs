//! Tauri's build step, over the command list of `helpdesk_api` (the only list of commands).
//!
//! Declaring the app's commands makes each one need a permission, which the window's
//! capability grants. That capability (`capabilities/main.json`) is generated here from the
//! same list rather than checked by a test: adding a command then needs no second edit, and
//! the file stays committed because Tauri's context macro and its build step read it from
//! the source folder. It is rewritten only when its content changes: Tauri's build step
//! watches the folder, and a write on every build would rebuild the crate every time.
use std::path::Path;

use helpdesk_api::COMMAND_NAMES;

const CAPABILITY: &str = "capabilities/main.json";

fn main() {
    if let Err(error) = write_if_changed(Path::new(CAPABILITY), &capability(COMMAND_NAMES)) {
        panic!("could not write {CAPABILITY}: {error}");
    }
    let attributes = tauri_build::Attributes::new()
        .app_manifest(tauri_build::AppManifest::new().commands(COMMAND_NAMES));
    if let Err(error) = tauri_build::try_build(attributes) {
        panic!("tauri build step failed: {error:#}");
    }
}

/// The main window's capability: every command of the list, and nothing else.
fn capability(commands: &[&str]) -> String {
    let permissions: Vec<String> = commands
        .iter()
        .map(|name| format!("    \"allow-{}\"", name.replace('_', "-")))
        .collect();
    format!(
        r#"{{
  "$schema": "../gen/schemas/desktop-schema.json",
  "identifier": "main",
  "description": "The main window may call the help desk's own commands, and nothing else. Written by build.rs from the list of helpdesk_api: do not edit.",
  "windows": ["main"],
  "permissions": [
{}
  ]
}}
"#,
        permissions.join(",\n")
    )
}

fn write_if_changed(path: &Path, content: &str) -> std::io::Result<()> {
    if std::fs::read_to_string(path).is_ok_and(|current| current == content) {
        return Ok(());
    }
    std::fs::write(path, content)
}
