//! The UI's wasm that the app embeds (`ui/dist/`, built by `scripts/build-ui.sh`'s release
//! profile, as `scripts/test.sh` does through `scripts/package.sh`) went through `wasm-opt`
//! and stays within its size budget: the window fetches and compiles it at every start.
use std::path::Path;

use wasmparser::{Parser, Payload};

/// The budget: 2.96 MB when it was set (issue 20), with room for some growth.
const BUDGET_BYTES: usize = 3_300_000;

/// The custom sections of `wasm`, by name.
fn custom_sections(wasm: &[u8]) -> Vec<String> {
    Parser::new(0)
        .parse_all(wasm)
        .filter_map(|payload| match payload.expect("a valid wasm module") {
            Payload::CustomSection(section) => Some(section.name().to_owned()),
            _ => None,
        })
        .collect()
}

#[test]
fn the_ui_s_wasm_is_optimised_and_within_its_budget() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/dist/helpdesk_ui_bg.wasm");
    let wasm = std::fs::read(&path)
        .unwrap_or_else(|error| panic!("{}: {error} (run scripts/build-ui.sh)", path.display()));
    let sections = custom_sections(&wasm);
    for kept in ["name", "producers"] {
        assert!(
            !sections.iter().any(|name| name == kept),
            "the `{kept}` section should be stripped by wasm-opt: {sections:?}"
        );
    }
    assert!(
        wasm.len() <= BUDGET_BYTES,
        "the UI's wasm is {} bytes, over its budget of {BUDGET_BYTES}",
        wasm.len()
    );
}
