#!/usr/bin/env python3
"""Writes the updater's latest.json (docs/RELEASING.md) to stdout.

Usage: scripts/latest-json.py BUNDLES_DIR VERSION BASE_URL

Every signed bundle in BUNDLES_DIR (a file with a .sig beside it, as scripts/package.sh
leaves them when TAURI_SIGNING_PRIVATE_KEY is set) becomes the entry of its platform,
`{os}-{arch}-{installer}`, with the signature and BASE_URL/<file name>. Fails when a bundle
of the release has no signature, or when none is signed.
"""
import datetime
import json
import pathlib
import sys

# The installer of each bundle, by how its file name ends, and its platform's key.
KINDS = [
    ("_amd64.deb", "linux-x86_64-deb"),
    ("_arm64.deb", "linux-aarch64-deb"),
    (".x86_64.rpm", "linux-x86_64-rpm"),
    (".aarch64.rpm", "linux-aarch64-rpm"),
    ("_amd64.AppImage", "linux-x86_64-appimage"),
    ("_aarch64.AppImage", "linux-aarch64-appimage"),
    ("_x64_pt-BR.msi", "windows-x86_64-msi"),
    ("_x64-setup.exe", "windows-x86_64-nsis"),
    ("_aarch64.app.tar.gz", "darwin-aarch64-app"),
    ("_x64.app.tar.gz", "darwin-x86_64-app"),
    # tauri-cli names the macOS archive after the app alone.
    (".app.tar.gz", "darwin-aarch64-app"),
]


def platform_of(name):
    for ending, platform in KINDS:
        if name.endswith(ending):
            return platform
    return None


def main(folder, version, base_url):
    platforms = {}
    for bundle in sorted(pathlib.Path(folder).iterdir()):
        platform = platform_of(bundle.name)
        if platform is None:
            continue
        signature = bundle.with_name(bundle.name + ".sig")
        if not signature.is_file():
            sys.exit(f"latest-json: {bundle.name} has no signature ({signature.name})")
        platforms[platform] = {
            "signature": signature.read_text().strip(),
            "url": f"{base_url.rstrip('/')}/{bundle.name}",
        }
    if not platforms:
        sys.exit(f"latest-json: no signed bundle in {folder}")
    now = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)
    document = {
        "version": version,
        "notes": f"Help Desk ISP {version}",
        "pub_date": now.isoformat().replace("+00:00", "Z"),
        "platforms": platforms,
    }
    json.dump(document, sys.stdout, indent=2)
    print()


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(*sys.argv[1:])
