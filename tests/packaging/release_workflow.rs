//! The CI workflow that builds the installers (`.github/workflows/release.yml`) can only run
//! on the public CI service; here it is read as YAML and checked for what it must do: build
//! the bundles on Linux, Windows and macOS (each system's own kinds), run the tests without
//! a window, upload the bundles, sign them with the release key's secrets, install the
//! tauri-cli of `scripts/setup.sh`, and write `latest.json` on a tag. `scripts/latest-json.py`,
//! which writes it, is run on made-up bundles.
use std::path::{Path, PathBuf};
use std::process::Command;

use yaml_rust2::{Yaml, YamlLoader};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the workspace root")
        .to_path_buf()
}

fn workflow() -> Yaml {
    let path = root().join(".github/workflows/release.yml");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|error| panic!("{}: {error}", path.display()));
    let mut documents = YamlLoader::load_from_str(&text)
        .unwrap_or_else(|error| panic!("{} is not YAML: {error}", path.display()));
    assert_eq!(documents.len(), 1, "one YAML document");
    documents.remove(0)
}

/// The steps of `job`, each with its name and what it runs or uses.
fn steps(workflow: &Yaml, job: &str) -> Vec<Yaml> {
    workflow["jobs"][job]["steps"]
        .as_vec()
        .unwrap_or_else(|| panic!("the job {job:?} has no steps"))
        .clone()
}

fn text(value: &Yaml) -> &str {
    value.as_str().unwrap_or_default()
}

/// The one step whose `run` contains `command`.
fn step_running<'a>(steps: &'a [Yaml], command: &str) -> &'a Yaml {
    let found: Vec<&Yaml> = steps
        .iter()
        .filter(|step| text(&step["run"]).contains(command))
        .collect();
    assert_eq!(found.len(), 1, "one step should run {command:?}");
    found[0]
}

fn uses(steps: &[Yaml], action: &str) -> bool {
    steps
        .iter()
        .any(|step| text(&step["uses"]).starts_with(action))
}

#[test]
fn the_bundles_are_built_on_the_three_systems_each_with_its_own_kinds() {
    let workflow = workflow();
    let bundle = &workflow["jobs"]["bundle"];
    assert_eq!(text(&bundle["runs-on"]), "${{ matrix.os }}");
    let include = bundle["strategy"]["matrix"]["include"]
        .as_vec()
        .expect("a matrix of systems");
    let kinds = |system: &str| -> Vec<String> {
        let entry = include
            .iter()
            .find(|entry| text(&entry["os"]).starts_with(system))
            .unwrap_or_else(|| panic!("no {system} in the matrix"));
        text(&entry["bundles"])
            .split(',')
            .map(str::to_string)
            .collect()
    };
    assert_eq!(kinds("ubuntu"), ["deb", "rpm", "appimage"]);
    assert_eq!(kinds("windows"), ["msi", "nsis"]);
    assert_eq!(kinds("macos"), ["app", "dmg"]);
    assert_eq!(include.len(), 3, "three systems");
}

#[test]
fn each_system_tests_bundles_signs_and_uploads() {
    let workflow = workflow();
    let steps = steps(&workflow, "bundle");
    let tests = step_running(&steps, "cargo test");
    for crate_name in ["helpdesk-core", "helpdesk-api"] {
        assert!(
            text(&tests["run"]).contains(&format!("-p {crate_name}")),
            "the tests should include {crate_name}"
        );
    }
    let package = step_running(&steps, "scripts/package.sh ${{ matrix.bundles }}");
    for secret in [
        "TAURI_SIGNING_PRIVATE_KEY",
        "TAURI_SIGNING_PRIVATE_KEY_PASSWORD",
    ] {
        assert_eq!(
            text(&package["env"][secret]),
            format!("${{{{ secrets.{secret} }}}}"),
            "the bundle step should get the secret {secret}"
        );
    }
    let position = |wanted: &Yaml| steps.iter().position(|step| step == wanted);
    assert!(
        position(tests) < position(package),
        "the tests run before the bundles are built"
    );
    assert!(
        uses(&steps, "actions/checkout@"),
        "the sources are checked out"
    );
    let upload = steps
        .iter()
        .position(|step| text(&step["uses"]).starts_with("actions/upload-artifact@"))
        .expect("the bundles are uploaded");
    assert!(position(package) < Some(upload), "uploaded once built");
    let paths = text(&steps[upload]["with"]["path"]);
    for kind in [
        ".deb",
        ".rpm",
        ".AppImage",
        ".msi",
        ".exe",
        ".dmg",
        ".app.tar.gz",
    ] {
        assert!(
            paths.contains(kind),
            "the upload should take the {kind} bundles"
        );
    }
}

#[test]
fn wasm_opt_is_installed_on_every_system_before_the_bundles() {
    let workflow = workflow();
    let steps = steps(&workflow, "bundle");
    let wasm_opt = step_running(&steps, "binaryen@$BINARYEN_VERSION");
    assert!(
        wasm_opt["if"].is_badvalue(),
        "every system needs wasm-opt, for scripts/build-ui.sh's release build"
    );
    assert!(!text(&workflow["env"]["BINARYEN_VERSION"]).is_empty());
    let package = step_running(&steps, "scripts/package.sh ${{ matrix.bundles }}");
    let position = |wanted: &Yaml| steps.iter().position(|step| step == wanted);
    assert!(position(wasm_opt) < position(package));
}

#[test]
fn the_workflow_installs_the_tauri_cli_of_the_set_up_script() {
    let workflow = workflow();
    let pinned = text(&workflow["env"]["TAURI_CLI_VERSION"]).to_string();
    let setup = std::fs::read_to_string(root().join("scripts/setup.sh")).expect("setup.sh");
    assert!(
        setup.contains(&format!("tauri_cli_version={pinned}\n")),
        "scripts/setup.sh should install tauri-cli {pinned:?} too"
    );
    let steps = steps(&workflow, "bundle");
    step_running(
        &steps,
        "cargo install --locked --version \"$TAURI_CLI_VERSION\" tauri-cli",
    );
}

#[test]
fn a_tag_makes_a_draft_release_with_latest_json() {
    let workflow = workflow();
    let release = &workflow["jobs"]["release"];
    assert_eq!(text(&release["needs"]), "bundle");
    assert!(text(&release["if"]).contains("refs/tags/v"));
    let steps = steps(&workflow, "release");
    assert!(uses(&steps, "actions/download-artifact@"));
    step_running(&steps, "scripts/latest-json.py bundles");
    step_running(&steps, "gh release create");
}

#[test]
fn latest_json_lists_each_signed_bundle_under_its_platform() {
    let dir = tempfile::tempdir().expect("temp dir");
    let bundles = [
        ("Help-Desk-ISP_1.2.0_amd64.deb", "linux-x86_64-deb"),
        ("Help-Desk-ISP-1.2.0-1.x86_64.rpm", "linux-x86_64-rpm"),
        ("Help-Desk-ISP_1.2.0_x64_pt-BR.msi", "windows-x86_64-msi"),
        ("Help-Desk-ISP_1.2.0_x64-setup.exe", "windows-x86_64-nsis"),
    ];
    for (name, _) in bundles {
        std::fs::write(dir.path().join(name), "bundle").expect("bundle");
        std::fs::write(
            dir.path().join(format!("{name}.sig")),
            format!("sig-{name}\n"),
        )
        .expect("signature");
    }
    std::fs::write(dir.path().join("notes.txt"), "not a bundle").expect("other file");
    let run = |folder: &Path| {
        Command::new("python3")
            .arg(root().join("scripts/latest-json.py"))
            .arg(folder)
            .args(["1.2.0", "https://example.com/v1.2.0/"])
            .output()
            .expect("python3 runs")
    };
    let output = run(dir.path());
    assert!(output.status.success(), "{output:?}");
    let document: serde_json::Value =
        serde_json::from_slice(&output.stdout).expect("latest.json is JSON");
    assert_eq!(document["version"], "1.2.0");
    let platforms = document["platforms"].as_object().expect("platforms");
    assert_eq!(platforms.len(), bundles.len());
    for (name, platform) in bundles {
        assert_eq!(platforms[platform]["signature"], format!("sig-{name}"));
        assert_eq!(
            platforms[platform]["url"],
            format!("https://example.com/v1.2.0/{name}")
        );
    }

    // A bundle without its signature stops the release.
    std::fs::remove_file(dir.path().join("Help-Desk-ISP_1.2.0_amd64.deb.sig")).expect("rm");
    assert!(!run(dir.path()).status.success());
}
