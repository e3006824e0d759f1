//! The deployment files in `server/deploy` are well formed.
use std::process::Command;

/// `systemd-analyze verify` reads the unit without a complaint (it reports bad keys and
/// values on standard error but exits 0, so both are checked). Skipped, saying so, where
/// systemd-analyze is not installed.
#[test]
fn the_systemd_unit_parses() {
    if Command::new("systemd-analyze")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("systemd-analyze is not installed: the unit is not checked");
        return;
    }
    let unit = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/deploy/helpdesk-server.service"
    ))
    .expect("unit file");
    assert!(unit.contains("ExecStart=/usr/local/bin/helpdesk-server\n"));
    // The binary just built stands for the installed one (verify checks it is executable).
    let unit = unit.replace(
        "ExecStart=/usr/local/bin/helpdesk-server\n",
        &format!("ExecStart={}\n", env!("CARGO_BIN_EXE_helpdesk-server")),
    );
    let dir = std::env::temp_dir().join(format!("helpdesk-unit-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("helpdesk-server.service");
    std::fs::write(&path, unit).expect("unit copy");
    let output = Command::new("systemd-analyze")
        .args(["verify", "--man=no"])
        .arg(&path)
        .output()
        .expect("systemd-analyze runs");
    let _ = std::fs::remove_dir_all(&dir);
    let complaints = String::from_utf8_lossy(&output.stderr).into_owned()
        + &String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{complaints}");
    assert!(complaints.trim().is_empty(), "{complaints}");
}
