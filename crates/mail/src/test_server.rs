//! The loopback SMTP server of the tests and the benchmark: `tests/smtp/server.py`
//! (Python's aiosmtpd, the `python3-aiosmtpd` package) in a child process.
use std::io::{self, BufRead, BufReader};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

/// The server script, at the repository's top level.
pub const SCRIPT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/smtp/server.py");

/// How to start the server.
#[derive(Debug, Clone, Default)]
pub struct ServerOptions {
    /// Where each message received is saved (kept across restarts).
    pub folder: PathBuf,
    /// 0: a free port.
    pub port: u16,
    /// Login and password AUTH requires.
    pub credentials: Option<(String, String)>,
    /// Certificate and key (PEM files): STARTTLS offered and required.
    pub starttls: Option<(PathBuf, PathBuf)>,
    /// Connections dropped on the first messages, before their answer.
    pub drop_first: u32,
    /// Saves only the raw message (no parsing), for the benchmark.
    pub raw_only: bool,
}

/// A running server; stopped (killed) when dropped.
#[derive(Debug)]
pub struct SmtpServer {
    child: Child,
    pub port: u16,
    pub folder: PathBuf,
}

impl SmtpServer {
    /// Starts the server and waits until it accepts connections.
    pub fn start(options: &ServerOptions) -> io::Result<Self> {
        let port = if options.port == 0 {
            free_port()?
        } else {
            options.port
        };
        std::fs::create_dir_all(&options.folder)?;
        let mut command = Command::new(python()?);
        command
            .arg(SCRIPT)
            .arg("--port")
            .arg(port.to_string())
            .arg("--folder")
            .arg(&options.folder)
            .arg("--drop-first")
            .arg(options.drop_first.to_string())
            .stdout(Stdio::piped());
        if let Some((login, password)) = &options.credentials {
            command.args(["--user", login, "--password", password]);
        }
        if let Some((cert, key)) = &options.starttls {
            command.arg("--cert").arg(cert).arg("--key").arg(key);
        }
        if options.raw_only {
            command.arg("--no-parse");
        }
        let mut child = command.spawn()?;
        let mut line = String::new();
        if let Some(stdout) = child.stdout.take() {
            BufReader::new(stdout).read_line(&mut line)?;
        }
        if !line.starts_with("READY") {
            let _ = child.kill();
            let _ = child.wait();
            return Err(io::Error::other(format!(
                "the SMTP test server did not start: {line:?}"
            )));
        }
        Ok(Self {
            child,
            port,
            folder: options.folder.clone(),
        })
    }

    /// Stops the server at once, as a crash would.
    pub fn stop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// The messages saved so far (as `server.py` describes them), in arrival order.
    pub fn messages(&self) -> io::Result<Vec<Value>> {
        let mut names: Vec<_> = std::fs::read_dir(&self.folder)?
            .filter_map(|entry| entry.ok().map(|entry| entry.file_name()))
            .filter_map(|name| name.into_string().ok())
            .filter(|name| name.ends_with(".json") && !name.starts_with('.'))
            .collect();
        names.sort();
        names
            .iter()
            .map(|name| {
                let text = std::fs::read_to_string(self.folder.join(name))?;
                serde_json::from_str(&text).map_err(io::Error::other)
            })
            .collect()
    }

    /// How many raw messages were saved.
    pub fn count(&self) -> io::Result<usize> {
        Ok(std::fs::read_dir(&self.folder)?
            .filter_map(Result::ok)
            .filter(|entry| {
                let name = entry.file_name();
                let name = name.to_string_lossy();
                name.ends_with(".eml") && !name.starts_with('.')
            })
            .count())
    }

    /// Waits (up to `timeout`) until `count` messages were saved.
    pub fn wait_for(&self, count: usize, timeout: Duration) -> io::Result<usize> {
        let deadline = Instant::now() + timeout;
        loop {
            let saved = self.count()?;
            if saved >= count || Instant::now() > deadline {
                return Ok(saved);
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for SmtpServer {
    fn drop(&mut self) {
        self.stop();
    }
}

/// A port free on loopback now.
pub fn free_port() -> io::Result<u16> {
    Ok(TcpListener::bind("127.0.0.1:0")?.local_addr()?.port())
}

/// A Python 3 with aiosmtpd (`python3` on the PATH, else the system's).
pub fn python() -> io::Result<&'static str> {
    ["python3", "/usr/bin/python3"]
        .into_iter()
        .find(|python| {
            Command::new(python)
                .args(["-c", "import aiosmtpd"])
                .stderr(Stdio::null())
                .status()
                .is_ok_and(|status| status.success())
        })
        .ok_or_else(|| {
            io::Error::other("no Python 3 with aiosmtpd: apt-get install python3-aiosmtpd")
        })
}

/// A self-signed certificate for 127.0.0.1 and localhost, made with `openssl` in `dir`:
/// the certificate and key files.
pub fn self_signed_certificate(dir: &Path) -> io::Result<(PathBuf, PathBuf)> {
    let cert = dir.join("cert.pem");
    let key = dir.join("key.pem");
    let status = Command::new("openssl")
        .args([
            "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
        ])
        .arg("-keyout")
        .arg(&key)
        .arg("-out")
        .arg(&cert)
        .args(["-subj", "/CN=localhost"])
        .args(["-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()?;
    if status.success() {
        Ok((cert, key))
    } else {
        Err(io::Error::other("openssl could not make a certificate"))
    }
}
