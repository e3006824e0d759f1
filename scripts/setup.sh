#!/usr/bin/env bash
# Installs what building, running and testing the app needs on Debian/Ubuntu, skipping
# whatever is already there. Usage: scripts/setup.sh app|package|test
# (app: build and run; package: also build the installers; test: also run the whole suite,
# which builds the .deb too).
set -euo pipefail
purpose=${1:-app}
case "$purpose" in
    app | package | test) ;;
    *) echo "setup: usage: scripts/setup.sh app|package|test" >&2; exit 2 ;;
esac

run_as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# Tauri's build dependencies, Debian's Rust with its std sources for the wasm UI (see
# ../shared/docs/TOOLCHAIN.md: rustup cannot always download the wasm target), wasm-ld and
# wasm-opt.
packages=(build-essential pkg-config libssl-dev curl
    libwebkit2gtk-4.1-dev libgtk-3-dev librsvg2-dev libayatana-appindicator3-dev
    rustc-web cargo-web rust-web-src lld-16 binaryen)
if [ "$purpose" = test ]; then
    # A virtual display, WebKitGTK's WebDriver, screenshots, and xdotool to answer the
    # system's file picker (a native GTK dialog WebDriver cannot reach); Python's iCalendar
    # parser reads the agenda's .ics export (src-tauri/tests/ics_export.rs); aiosmtpd is the
    # loopback SMTP server of the e-mail tests and benchmark (tests/smtp/server.py).
    packages+=(xvfb xauth webkit2gtk-driver imagemagick fonts-dejavu-core xdotool)
    packages+=(python3-icalendar python3-aiosmtpd)
    # xdg-open is how the opener plugin opens an attachment on Linux; the ticket page's test
    # (tests/e2e/ticket_whole.rs) registers its own handler for it.
    packages+=(xdg-utils file)
    # A real OS keyring for the SMTP password's tests: a private session bus with GNOME
    # Keyring's Secret Service on it, and secret-tool to read what the app stored there.
    packages+=(dbus-daemon gnome-keyring libsecret-tools)
    # The sync tests start a throwaway PostgreSQL of their own (initdb + pg_ctl, run as the
    # `postgres` user when the tests run as root).
    packages+=(postgresql)
    # The intake tests start a throwaway Dovecot IMAP server (crates/intake/src/test_server.rs).
    packages+=(dovecot-core dovecot-imapd)
    # schemathesis (below) lives in a virtual environment of Debian's Python.
    packages+=(python3-venv)
fi

missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
        || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "setup: installing ${missing[*]}"
    run_as_root apt-get update -qq
    run_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if ! command -v cargo >/dev/null; then
    echo "setup: cargo is missing; install Rust with rustup (https://rustup.rs) and run again" >&2
    exit 1
fi

# tauri-cli builds the installers (scripts/package.sh; the suite packages the .deb too), at
# the version .github/workflows/release.yml installs as well (a test compares the two).
tauri_cli_version=2.12.4
if [ "$purpose" != app ] && ! cargo tauri --version 2>/dev/null | grep -qx "tauri-cli $tauri_cli_version"; then
    echo "setup: installing tauri-cli $tauri_cli_version (several minutes)"
    cargo install --quiet --locked --version "$tauri_cli_version" tauri-cli
fi

if [ "$purpose" = test ] && ! command -v tauri-driver >/dev/null; then
    echo "setup: installing tauri-driver"
    cargo install --quiet tauri-driver --version '^2'
fi

# schemathesis (PyPI, pinned) checks the server's answers against its OpenAPI document
# (server/tests/api/openapi.rs), from a virtual environment of its own.
schemathesis_version=4.32.5
schemathesis_venv="$HOME/.cache/helpdesk/schemathesis"
if [ "$purpose" = test ] && ! "$schemathesis_venv/bin/schemathesis" --version 2>/dev/null \
        | grep -qx "schemathesis, version $schemathesis_version"; then
    echo "setup: installing schemathesis $schemathesis_version"
    /usr/bin/python3 -m venv --clear "$schemathesis_venv"
    "$schemathesis_venv/bin/pip" install --quiet "schemathesis==$schemathesis_version"
fi
