//! The `.deb` that `scripts/package.sh` built (the release app, demo feature off) holds
//! everything the app needs: unpacked into an empty folder tree (`dpkg-deb -x`), its
//! binary starts on a fresh database, opens "Primeira configuração", creates the provider
//! and its administrator, and the administrator signs out and in again. The package's menu
//! entry, icons and dependencies are checked too.
//!
//! The package is `$HELPDESK_DEB`, or the one of this version in
//! `$CARGO_TARGET_DIR/release/bundle/deb/` (`scripts/test.sh` builds it first).
use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::Command;

use helpdesk_e2e::setup::{create_provider, sign_in, Provider};
use helpdesk_e2e::{target_dir, Harness};
use helpdesk_store::test_keyring::SecretService;

const PROVIDER: Provider = Provider {
    name: "Rede Litoral Internet",
    admin_name: "Joana Prado",
    login: "joana.prado",
    email: "joana@redelitoral.com.br",
    password: "Areia-Fina-Mar-31",
};

/// The package under test.
fn package() -> PathBuf {
    if let Some(path) = std::env::var_os("HELPDESK_DEB") {
        return PathBuf::from(path);
    }
    let arch = match std::env::consts::ARCH {
        "x86_64" => "amd64",
        "aarch64" => "arm64",
        other => other,
    };
    let name = format!("Help Desk ISP_{}_{arch}.deb", env!("CARGO_PKG_VERSION"));
    target_dir().join("release/bundle/deb").join(name)
}

/// Runs `dpkg-deb` with `args`, failing the test if it fails; answers what it printed.
fn dpkg_deb(args: &[&OsStr]) -> String {
    let output = Command::new("dpkg-deb")
        .args(args)
        .output()
        .expect("dpkg-deb runs");
    assert!(
        output.status.success(),
        "dpkg-deb {args:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// The package's control fields, its menu entry and icons.
fn check_metadata(package: &Path, root: &Path) {
    let fields = dpkg_deb(&["--field".as_ref(), package.as_os_str()]);
    for needed in [
        "Package: help-desk-isp",
        "libwebkit2gtk-4.1-0",
        "Maintainer:",
    ] {
        assert!(fields.contains(needed), "no {needed:?} in:\n{fields}");
    }
    let entry = root.join("usr/share/applications/Help Desk ISP.desktop");
    let entry = std::fs::read_to_string(&entry)
        .unwrap_or_else(|error| panic!("{}: {error}", entry.display()));
    assert!(entry.contains("Exec=helpdesk-desktop"), "{entry}");
    assert!(
        root.join("usr/share/icons/hicolor/128x128/apps/helpdesk-desktop.png")
            .is_file(),
        "the package has no 128x128 icon"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn the_installed_package_starts_on_a_fresh_database_and_signs_in() {
    let package = package();
    assert!(
        package.is_file(),
        "{} is missing: build it with scripts/package.sh deb",
        package.display()
    );
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().join("root");
    std::fs::create_dir_all(&root).expect("the install root");
    dpkg_deb(&["-x".as_ref(), package.as_os_str(), root.as_os_str()]);
    check_metadata(&package, &root);
    let binary = root.join("usr/bin/helpdesk-desktop");
    assert!(
        binary.is_file(),
        "the package has no usr/bin/helpdesk-desktop"
    );

    let keyring = SecretService::start(dir.path()).expect("a Secret Service on a private bus");
    let bus = [("DBUS_SESSION_BUS_ADDRESS", keyring.address())];
    let database = dir.path().join("instalado.db");
    let app = Harness::start_binary("installed_package", &binary, &database, &bus).await;
    app.run(async |app: &mut Harness| {
        create_provider(app, &PROVIDER).await?;
        app.click("button#sair").await?;
        sign_in(app, PROVIDER.login, PROVIDER.password).await?;
        app.text_at("#operator-name", PROVIDER.admin_name).await?;
        app.screenshot("entrou").await;
        Ok(())
    })
    .await;
    assert!(database.is_file(), "the app wrote no database");
}
