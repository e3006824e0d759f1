//! The TypeScript export of the whole command surface (specta) is kept in the repository for
//! review and for other clients; this test fails when it is stale.
//! Refresh it with `UPDATE_BINDINGS=1 cargo test -p helpdesk-desktop --test bindings`.
use std::path::Path;

use specta_typescript::Typescript;

#[test]
fn the_committed_bindings_match_the_commands() {
    let committed = Path::new(env!("CARGO_MANIFEST_DIR")).join("bindings/commands.ts");
    let dir = tempfile::tempdir().expect("temp dir");
    let fresh = dir.path().join("commands.ts");
    helpdesk_desktop::specta_builder::<tauri::Wry>()
        .export(Typescript::default(), &fresh)
        .expect("export");
    let fresh = std::fs::read_to_string(fresh).expect("read export");
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        std::fs::write(&committed, &fresh).expect("write bindings");
    }
    let current = std::fs::read_to_string(&committed).unwrap_or_default();
    assert!(
        current == fresh,
        "src-tauri/bindings/commands.ts is stale: run UPDATE_BINDINGS=1 cargo test -p helpdesk-desktop --test bindings"
    );
}
