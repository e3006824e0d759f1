#!/usr/bin/env bash
# Runs the whole test suite on Debian/Ubuntu, installing what is missing first: formatting,
# lints, every crate's tests (core, store on real SQLite files, the commands through Tauri's
# IPC), the installers, and the end-to-end walk of the real app window under Xvfb (tests/).
set -euo pipefail
cd "$(dirname "$0")/.."
started=$SECONDS

scripts/setup.sh test
# The UI, then the release app and its .deb and .rpm: tests/e2e/installed_package.rs
# installs the .deb in a folder of its own and signs in to the app it holds.
scripts/package.sh deb,rpm

cargo fmt --all --check
cargo clippy --workspace --all-targets -- -D warnings
# The demo data generator is linked into the app only with the `demo` feature (run-app.sh).
cargo clippy -p helpdesk-desktop --features demo -- -D warnings
# `cargo test` also builds the app binary (target/debug/helpdesk-desktop) that the
# end-to-end test launches; the harness starts Xvfb and tauri-driver itself.
cargo test --workspace --no-fail-fast

echo "test.sh: all green in $((SECONDS - started)) s"
