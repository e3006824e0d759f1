#!/usr/bin/env bash
# Builds the Yew UI (crate `helpdesk-ui`) into ui/dist/: index.html, the style sheets, main.js,
# helpdesk_ui.js and helpdesk_ui_bg.wasm, ready to be embedded by the Tauri shell.
#
# Environment:
#   BUILD_UI_PROFILE=release|debug   release (default) is optimised with wasm-opt (binaryen),
#                                    which it needs; debug builds faster and skips wasm-opt.
#   BUILD_UI_TOOLCHAIN=auto|rustup|debian
#                                    auto (default): rustup's wasm32 target if installed or
#                                    installable within 60 s, else Debian's rustc-web with
#                                    std built from source (docs: TOOLCHAIN.md).
#   CARGO_TARGET_DIR                 base of the build folders (default: target).
#
# Installing Debian packages is not this script's job; it names the missing one instead.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

readonly WASM_TARGET=wasm32-unknown-unknown
readonly CRATE=helpdesk-ui
readonly ARTIFACT=helpdesk_ui
readonly DIST="$ROOT/ui/dist"
PROFILE="${BUILD_UI_PROFILE:-release}"
TOOLCHAIN="${BUILD_UI_TOOLCHAIN:-auto}"
TARGET_BASE="${CARGO_TARGET_DIR:-target}"
case "$TARGET_BASE" in /*) ;; *) TARGET_BASE="$ROOT/$TARGET_BASE" ;; esac

START=$(date +%s)
STEP_START=$START

die() {
    echo "build-ui: error: $*" >&2
    exit 1
}

log() {
    echo "build-ui: $*"
}

# Prints how long the step that just ended took.
step_done() {
    local now
    now=$(date +%s)
    log "$1 ($((now - STEP_START)) s)"
    STEP_START=$now
}

case "$PROFILE" in
    release) CARGO_PROFILE=wasm-release ;;
    debug) CARGO_PROFILE=dev ;;
    *) die "BUILD_UI_PROFILE must be 'release' or 'debug', not '$PROFILE'." ;;
esac

# --- 1. A compiler for wasm32 ------------------------------------------------------------

rustup_has_target() {
    command -v rustup >/dev/null && rustup target list --installed 2>/dev/null | grep -qx "$WASM_TARGET"
}

choose_toolchain() {
    case "$TOOLCHAIN" in
        rustup | debian) return ;;
        auto) ;;
        *) die "BUILD_UI_TOOLCHAIN must be 'auto', 'rustup' or 'debian', not '$TOOLCHAIN'." ;;
    esac
    if rustup_has_target; then
        TOOLCHAIN=rustup
    elif command -v rustup >/dev/null \
        && log "adding the $WASM_TARGET target to rustup (60 s at most)..." \
        && timeout 60 rustup target add "$WASM_TARGET" && rustup_has_target; then
        TOOLCHAIN=rustup
    else
        log "rustup cannot provide $WASM_TARGET here; using Debian's rustc-web with -Z build-std."
        TOOLCHAIN=debian
    fi
}

check_debian_toolchain() {
    local install="apt-get install -y rustc-web cargo-web rust-web-src lld-16"
    [ -x /usr/bin/rustc ] || die "/usr/bin/rustc is missing: install the Debian package rustc-web ($install)."
    [ -x /usr/bin/cargo ] || die "/usr/bin/cargo is missing: install the Debian package cargo-web ($install)."
    [ -d /usr/lib/rustlib/src/rust/library ] \
        || die "Rust's std sources are missing: install the Debian package rust-web-src ($install)."
    command -v wasm-ld-16 >/dev/null || die "wasm-ld-16 is missing: install the Debian package lld-16 ($install)."
    /usr/bin/rustc --print target-list | grep -qx "$WASM_TARGET" \
        || die "/usr/bin/rustc cannot target $WASM_TARGET: install the Debian package rustc-web ($install)."
}

build_wasm() {
    local cargo_args=(build -p "$CRATE" --lib --target "$WASM_TARGET" --profile "$CARGO_PROFILE")
    case "$TOOLCHAIN" in
        rustup)
            rustup_has_target || die "rustup has no $WASM_TARGET target (rustup target add $WASM_TARGET)."
            TARGET_DIR="$TARGET_BASE"
            # For wasm-opt, reference types are left out of the UI's code, so wasm-bindgen keeps
            # JS objects in a JS-side heap: binaryen before 117 cannot read its `table.fill`,
            # and Debian 12's (108) mixes up its table of JS objects with the function table.
            # rustup's std is prebuilt with them, which only changes how `call_indirect` is
            # encoded; the wasm-release profile's `strip = true` drops the section that says so
            # (wasm-bindgen would take it for the intrinsics the UI's code then lacks).
            local flags=${RUSTFLAGS:-}
            [ "$PROFILE" = release ] && flags="$flags -C target-feature=-reference-types"
            log "compiling $CRATE ($PROFILE) with rustup's $(rustc --version)..."
            RUSTFLAGS="$flags" CARGO_TARGET_DIR="$TARGET_DIR" cargo "${cargo_args[@]}"
            ;;
        debian)
            check_debian_toolchain
            # Its own folder: two compilers must never share one.
            TARGET_DIR="$TARGET_BASE/wasm"
            log "compiling $CRATE ($PROFILE) with Debian's $(/usr/bin/rustc --version), std from source..."
            # std is built here too, so reference types can be left out everywhere: wasm-bindgen
            # then keeps JS objects in a JS-side heap, which Debian 12's wasm-opt (108) can read.
            RUSTFLAGS="${RUSTFLAGS:-} -C target-feature=-reference-types" \
                RUSTC=/usr/bin/rustc RUSTDOC=/usr/bin/rustdoc RUSTC_BOOTSTRAP=1 \
                CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER=wasm-ld-16 \
                CARGO_TARGET_DIR="$TARGET_DIR" \
                /usr/bin/cargo "${cargo_args[@]}" -Z build-std=std,panic_abort
            ;;
    esac
    local folder=$CARGO_PROFILE
    [ "$folder" = dev ] && folder=debug
    WASM="$TARGET_DIR/$WASM_TARGET/$folder/$ARTIFACT.wasm"
    [ -f "$WASM" ] || die "the build did not produce $WASM."
}

choose_toolchain
build_wasm
step_done "compiled $(du -k "$WASM" | cut -f1) KB of wasm"

# --- 2. wasm-bindgen-cli at the version of the wasm-bindgen crate in Cargo.lock ----------

BINDGEN_VERSION=$(awk '
    $0 == "name = \"wasm-bindgen\"" { found = 1; next }
    found && /^version = / { gsub(/version = |"/, ""); print; exit }
' Cargo.lock)
[ -n "$BINDGEN_VERSION" ] || die "no wasm-bindgen package in Cargo.lock."

bindgen_version_of() {
    "$1" --version 2>/dev/null | awk '{ print $2 }'
}

find_bindgen() {
    local candidate
    for candidate in "$(command -v wasm-bindgen || true)" "${CARGO_HOME:-$HOME/.cargo}/bin/wasm-bindgen"; do
        if [ -n "$candidate" ] && [ -x "$candidate" ] \
            && [ "$(bindgen_version_of "$candidate")" = "$BINDGEN_VERSION" ]; then
            echo "$candidate"
            return
        fi
    done
}

WASM_BINDGEN=$(find_bindgen)
if [ -z "$WASM_BINDGEN" ]; then
    # A native tool: built with the host's usual cargo (rustup's when there is one).
    log "installing wasm-bindgen-cli $BINDGEN_VERSION (about 2 to 3 minutes)..."
    command -v cargo >/dev/null || die "cargo is needed to install wasm-bindgen-cli."
    # Not --locked: its lock file names a dependency version missing from the registry.
    cargo install wasm-bindgen-cli --version "$BINDGEN_VERSION"
    WASM_BINDGEN=$(find_bindgen)
    [ -n "$WASM_BINDGEN" ] || die "wasm-bindgen $BINDGEN_VERSION is still not found after installing it."
fi
step_done "wasm-bindgen $BINDGEN_VERSION ready ($WASM_BINDGEN)"

# --- 3. JS bindings ------------------------------------------------------------------------

# Everything is made in a staging folder, then copied into ui/dist where it changed (step 6).
STAGE="$TARGET_BASE/ui-dist"
rm -rf "$STAGE"
mkdir -p "$STAGE"
"$WASM_BINDGEN" --target web --no-typescript --out-dir "$STAGE" "$WASM"
step_done "generated the JS bindings"

# --- 4. Size optimisation ------------------------------------------------------------------

OUT_WASM="$STAGE/${ARTIFACT}_bg.wasm"
if [ "$PROFILE" = debug ]; then
    log "debug build: wasm-opt skipped."
else
    command -v wasm-opt >/dev/null || die "wasm-opt is missing: install binaryen (Debian/Ubuntu: \
apt-get install binaryen; macOS: brew install binaryen; elsewhere: npm install -g binaryen)."
    BEFORE=$(du -k "$OUT_WASM" | cut -f1)
    # The features Rust's wasm32 target emits by default, for older binaryen releases that
    # do not enable them on their own.
    wasm-opt -Oz --strip-debug --strip-producers --enable-bulk-memory \
        --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
        --enable-reference-types --enable-multivalue -o "$OUT_WASM.opt" "$OUT_WASM" \
        || die "$(wasm-opt --version) could not optimise $OUT_WASM."
    mv "$OUT_WASM.opt" "$OUT_WASM"
    step_done "wasm-opt -Oz: $BEFORE KB -> $(du -k "$OUT_WASM" | cut -f1) KB"
fi

# --- 5. Static files -----------------------------------------------------------------------

cp ui/index.html ui/tokens.css ui/base.css ui/app.css ui/wizard.css ui/wizard-ticket.css ui/customer.css ui/scripts.css ui/tickets.css ui/agenda.css ui/email.css ui/admin.css ui/reports.css ui/main.js "$STAGE/"
step_done "copied the static files"

# --- 6. ui/dist, touched only where a file changed ---------------------------------------
# The app embeds ui/dist, and cargo rebuilds it (minutes, in release) when a file's time
# changes: a rebuild of the same UI leaves the files as they were.

mkdir -p "$DIST"
changed=0
for file in "$STAGE"/*; do
    if ! cmp -s "$file" "$DIST/${file##*/}"; then
        cp "$file" "$DIST/"
        changed=$((changed + 1))
    fi
done
for file in "$DIST"/*; do
    [ -e "$STAGE/${file##*/}" ] || { rm -f "$file"; changed=$((changed + 1)); }
done
step_done "ui/dist: $changed file(s) changed"

log "done in $(($(date +%s) - START)) s ($TOOLCHAIN toolchain, $PROFILE): $DIST"
ls -l "$DIST"
