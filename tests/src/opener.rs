//! The system's opener under test: a real `xdg-open` whose default application for text
//! files is a script recording the path it was given and the SHA-256 of that file.
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::StepResult;

/// An XDG environment whose default application for text files is a script writing the
/// path it is given to `out/path` and that file's `sha256sum` to `out/sha256`.
pub struct Handler {
    data: PathBuf,
    config: PathBuf,
    out: PathBuf,
}

impl Handler {
    /// The handler's folders and script under `root`.
    pub fn new(root: &Path) -> Self {
        let (data, config, out) = (root.join("data"), root.join("config"), root.join("out"));
        for folder in [data.join("applications"), config.clone(), out.clone()] {
            std::fs::create_dir_all(folder).expect("folder");
        }
        let script = root.join("abrir.sh");
        std::fs::write(
            &script,
            format!(
                "#!/bin/sh\nsha256sum \"$1\" | cut -d' ' -f1 > '{out}/sha256'\n\
                 printf '%s' \"$1\" > '{out}/path.tmp' && mv '{out}/path.tmp' '{out}/path'\n",
                out = out.display()
            ),
        )
        .expect("script");
        std::process::Command::new("chmod")
            .arg("+x")
            .arg(&script)
            .status()
            .expect("chmod");
        std::fs::write(
            data.join("applications/helpdesk-teste.desktop"),
            format!(
                "[Desktop Entry]\nType=Application\nName=Teste\nExec={} %f\nMimeType=text/plain;\n",
                script.display()
            ),
        )
        .expect("desktop file");
        std::fs::write(
            config.join("mimeapps.list"),
            "[Default Applications]\ntext/plain=helpdesk-teste.desktop\n",
        )
        .expect("mimeapps.list");
        Self { data, config, out }
    }

    /// The path the handler was given and the SHA-256 of that file, once it ran.
    pub async fn opened(&self) -> StepResult<(String, String)> {
        let started = Instant::now();
        let path = self.out.join("path");
        while !path.exists() {
            if started.elapsed() > Duration::from_secs(20) {
                return Err("the opener never ran the handler".into());
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let read =
            |name: &str| std::fs::read_to_string(self.out.join(name)).map_err(|e| e.to_string());
        Ok((read("path")?, read("sha256")?.trim().to_owned()))
    }

    /// The variables that make the app's opener use this handler.
    pub fn environment(&self) -> Environment {
        Environment([
            ("XDG_DATA_HOME", self.data.display().to_string()),
            ("XDG_CONFIG_HOME", self.config.display().to_string()),
        ])
    }
}

/// `XDG_DATA_HOME` and `XDG_CONFIG_HOME` of a [`Handler`].
pub struct Environment([(&'static str, String); 2]);

impl Environment {
    /// As [`crate::Harness::start_with`] takes them.
    pub fn pairs(&self) -> [(&str, &str); 2] {
        self.0
            .each_ref()
            .map(|(name, value)| (*name, value.as_str()))
    }
}
