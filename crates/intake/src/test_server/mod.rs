//! A throwaway Dovecot for the tests: Debian's `dovecot-imapd` run in the foreground
//! (`dovecot -F -c <conf>`) on a free loopback port, with its Maildirs, sockets and logs in
//! a temporary folder and one passwd-file user with a random password; optionally with TLS
//! (a self-signed certificate) or only basic capabilities. As root it runs its processes as
//! Debian's `dovecot`/`dovenull` users; otherwise as the current user. Killed, with all its
//! processes, when dropped.
mod client;
mod conf;

use std::io::{self, Read};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::os::unix::fs::PermissionsExt;
use std::os::unix::process::CommandExt;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use rand::distributions::{Alphanumeric, DistString};
use tempfile::TempDir;

use crate::config::{MailboxConfig, Tls};
use conf::{render, self_signed_certificate, Accounts, Settings};

pub use client::TestClient;

/// Debian's Dovecot.
pub const DOVECOT: &str = "/usr/sbin/dovecot";

/// The mailbox user.
pub const USER: &str = "suporte";

/// How long Dovecot may take to start answering.
const START_TIMEOUT: Duration = Duration::from_secs(20);

/// What the server offers beyond plain IMAP.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// TLS with a self-signed certificate for 127.0.0.1: STARTTLS on the IMAP port and
    /// implicit TLS on another.
    pub tls: bool,
    /// Only IMAP4rev1 basics after login: no IDLE, MOVE or UIDPLUS.
    pub basic_capabilities: bool,
}

/// A running Dovecot; killed when dropped.
pub struct Dovecot {
    child: Option<Child>,
    dir: TempDir,
    /// The IMAP port on 127.0.0.1 (plain, and STARTTLS when TLS is on).
    pub port: u16,
    /// The implicit-TLS port, when TLS is on.
    pub tls_port: Option<u16>,
    /// The user's password (random).
    pub password: String,
}

impl Dovecot {
    /// Starts a plain server with all of Dovecot's capabilities.
    pub fn start() -> io::Result<Self> {
        Self::start_with(Options::default())
    }

    /// Writes the configuration and starts the server.
    pub fn start_with(options: Options) -> io::Result<Self> {
        let dir = tempfile::Builder::new()
            .prefix("intake-dovecot")
            .tempdir()?;
        let path = dir.path();
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755))?;
        let accounts = Accounts::for_this_process(path)?;
        for sub in ["run", "state", "mail"] {
            std::fs::create_dir_all(path.join(sub))?;
        }
        let mail = path.join("mail");
        std::os::unix::fs::chown(mail, Some(accounts.mail_uid), Some(accounts.mail_gid))?;
        let password = Alphanumeric.sample_string(&mut rand::thread_rng(), 24);
        std::fs::write(
            path.join("users"),
            format!("{USER}:{{PLAIN}}{password}::::::\n"),
        )?;
        let tls_port = if options.tls {
            self_signed_certificate(path)?;
            Some(free_port()?)
        } else {
            None
        };
        let settings = Settings {
            dir: path,
            port: free_port()?,
            tls_port,
            basic_capabilities: options.basic_capabilities,
            accounts: &accounts,
        };
        std::fs::write(path.join("dovecot.conf"), render(&settings))?;
        let mut server = Self {
            child: None,
            port: settings.port,
            tls_port,
            dir,
            password,
        };
        server.run()?;
        Ok(server)
    }

    /// The mailbox's account over plain IMAP, as the crate's client takes it.
    pub fn config(&self) -> MailboxConfig {
        MailboxConfig::new("127.0.0.1", self.port, Tls::None, USER, &self.password)
    }

    /// The mailbox's account over `tls` (implicit TLS uses [`Self::tls_port`]).
    pub fn config_with(&self, tls: Tls) -> MailboxConfig {
        let port = match (tls, self.tls_port) {
            (Tls::Implicit, Some(tls_port)) => tls_port,
            _ => self.port,
        };
        MailboxConfig::new("127.0.0.1", port, tls, USER, &self.password)
    }

    /// The self-signed certificate (PEM), when TLS is on.
    pub fn certificate(&self) -> Option<PathBuf> {
        self.tls_port.map(|_| self.dir.path().join("cert.pem"))
    }

    /// A client of the mailbox for the tests' own look at it; it does not borrow the server.
    pub fn client(&self) -> TestClient {
        TestClient {
            config: self.config(),
        }
    }

    /// Kills the server and all its processes at once, as a crash would; the mail stays.
    pub fn stop(&mut self) {
        if let Some(mut child) = self.child.take() {
            // The server leads its own process group: kill its imap and auth processes too.
            let _ = Command::new("kill")
                .args(["-KILL", "--", &format!("-{}", child.id())])
                .stderr(Stdio::null())
                .status();
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    /// Starts the server again on the same ports, with the same mail.
    pub fn restart(&mut self) -> io::Result<()> {
        self.stop();
        self.run()
    }

    /// Dovecot's log so far.
    pub fn log(&self) -> String {
        std::fs::read_to_string(self.dir.path().join("dovecot.log")).unwrap_or_default()
    }

    /// Starts the process and waits for its greeting.
    fn run(&mut self) -> io::Result<()> {
        let child = Command::new(DOVECOT)
            .arg("-F")
            .arg("-c")
            .arg(self.dir.path().join("dovecot.conf"))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .process_group(0)
            .spawn()?;
        self.child = Some(child);
        let address = SocketAddr::from(([127, 0, 0, 1], self.port));
        let deadline = Instant::now() + START_TIMEOUT;
        while Instant::now() < deadline {
            if greets(&address) {
                return Ok(());
            }
            if let Some(child) = &mut self.child {
                if let Some(exit) = child.try_wait()? {
                    return Err(io::Error::other(format!(
                        "dovecot stopped ({exit}): {}",
                        self.log()
                    )));
                }
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        Err(io::Error::other(format!(
            "dovecot did not answer: {}",
            self.log()
        )))
    }
}

impl Drop for Dovecot {
    fn drop(&mut self) {
        self.stop();
    }
}

/// A port free on loopback now.
fn free_port() -> io::Result<u16> {
    Ok(TcpListener::bind("127.0.0.1:0")?.local_addr()?.port())
}

/// The server answers with its IMAP greeting.
fn greets(address: &SocketAddr) -> bool {
    let Ok(mut stream) = TcpStream::connect_timeout(address, Duration::from_millis(200)) else {
        return false;
    };
    let _ = stream.set_read_timeout(Some(Duration::from_secs(2)));
    let mut greeting = [0u8; 4];
    stream.read_exact(&mut greeting).is_ok() && &greeting == b"* OK"
}
