#!/usr/bin/env bash
# Builds the installers: the UI (scripts/build-ui.sh), then the release app (demo feature
# off) and its bundles through tauri-cli (installed by scripts/setup.sh at a pinned version).
# Usage: scripts/package.sh [BUNDLES]   BUNDLES as tauri-cli's --bundles, default deb,rpm
# (Linux). The workflow .github/workflows/release.yml passes the other systems' own.
# Bundles land in $CARGO_TARGET_DIR/release/bundle/<kind>/ (target/ by default).
#
# With TAURI_SIGNING_PRIVATE_KEY (and its _PASSWORD) set, the bundles are also signed for
# the updater (.sig files beside them: docs/RELEASING.md); without it they are not.
set -euo pipefail
cd "$(dirname "$0")/.."
bundles=${1:-deb,rpm}
started=$SECONDS
# Absolute, as tauri-cli runs cargo from src-tauri/.
target_dir=${CARGO_TARGET_DIR:-target}
case "$target_dir" in /*) ;; *) target_dir="$PWD/$target_dir" ;; esac
export CARGO_TARGET_DIR=$target_dir

if ! cargo tauri --version >/dev/null 2>&1; then
    echo "package: tauri-cli is missing; run scripts/setup.sh package" >&2
    exit 1
fi

bash scripts/build-ui.sh

# Signatures of an earlier build would pass for this one's.
rm -f "$target_dir"/release/bundle/*/*.sig
config=()
if [ -z "${TAURI_SIGNING_PRIVATE_KEY:-}" ]; then
    echo "package: TAURI_SIGNING_PRIVATE_KEY is not set: the bundles are not signed for updates"
    config=(--config '{"bundle":{"createUpdaterArtifacts":false}}')
fi

# tauri-cli takes the folder it runs in as the app's (src-tauri/tauri.conf.json is a link to
# the top-level config, whose paths are relative to src-tauri/).
(cd src-tauri && cargo tauri build --ci --bundles "$bundles" "${config[@]}")

echo "package: built in $((SECONDS - started)) s:"
find "$target_dir/release/bundle" -maxdepth 2 -type f \
    \( -name '*.deb' -o -name '*.rpm' -o -name '*.AppImage' -o -name '*.msi' -o -name '*.exe' \
    -o -name '*.dmg' -o -name '*.sig' \) -exec ls -l {} +
