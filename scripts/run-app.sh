#!/usr/bin/env bash
# Builds and launches the app on Debian/Ubuntu, installing what is missing first. On the
# first start the app's database (in its data folder) is filled with demo data (the `demo`
# feature links the generator; installers leave it out).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh app
scripts/build-ui.sh
cargo build --release -p helpdesk-desktop --features demo
exec "${CARGO_TARGET_DIR:-target}/release/helpdesk-desktop" --demo "$@"
