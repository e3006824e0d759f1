//! A throwaway Dovecot for the tests: Debian's `dovecot-imapd` run in the foreground
//! (`dovecot -F -c <conf>`) on a free loopback port, without TLS, with its Maildirs,
//! sockets and logs in a temporary folder and one passwd-file user with a random password.
//! As root it runs its processes as Debian's `dovecot`/`dovenull` users; otherwise as the
//! current user. Killed, with all its processes, when dropped.
use std::io::{self, Read};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use rand::distributions::{Alphanumeric, DistString};
use tempfile::TempDir;

use crate::config::{MailboxConfig, Tls};
use crate::connect::{login, ImapSession};
use crate::error::MailboxError;

/// Debian's Dovecot.
pub const DOVECOT: &str = "/usr/sbin/dovecot";

/// The mailbox user.
pub const USER: &str = "suporte";

/// How long Dovecot may take to start answering.
const START_TIMEOUT: Duration = Duration::from_secs(20);

/// A running Dovecot; killed when dropped.
pub struct Dovecot {
    child: Option<Child>,
    dir: TempDir,
    /// The IMAP port on 127.0.0.1.
    pub port: u16,
    /// The user's password (random).
    pub password: String,
}

impl Dovecot {
    /// Writes the configuration and starts the server.
    pub fn start() -> io::Result<Self> {
        let dir = tempfile::Builder::new()
            .prefix("intake-dovecot")
            .tempdir()?;
        std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755))?;
        let port = TcpListener::bind("127.0.0.1:0")?.local_addr()?.port();
        let password = Alphanumeric.sample_string(&mut rand::thread_rng(), 24);
        let accounts = Accounts::for_this_process(dir.path())?;
        for sub in ["run", "state", "mail"] {
            std::fs::create_dir_all(dir.path().join(sub))?;
        }
        chown(
            &dir.path().join("mail"),
            accounts.mail_uid,
            accounts.mail_gid,
        )?;
        std::fs::write(
            dir.path().join("users"),
            format!("{USER}:{{PLAIN}}{password}::::::\n"),
        )?;
        std::fs::write(
            dir.path().join("dovecot.conf"),
            config(dir.path(), port, &accounts),
        )?;
        let mut server = Self {
            child: None,
            dir,
            port,
            password,
        };
        server.run()?;
        Ok(server)
    }

    /// The mailbox's account as the crate's client takes it.
    pub fn config(&self) -> MailboxConfig {
        MailboxConfig::new("127.0.0.1", self.port, Tls::None, USER, &self.password)
    }

    /// Kills the server and all its processes at once, as a crash would; the mail stays.
    pub fn stop(&mut self) {
        if let Some(mut child) = self.child.take() {
            // The server leads its own process group: kill its imap and auth processes too.
            let _ = Command::new("kill")
                .args(["-KILL", "--", &format!("-{}", child.id())])
                .status();
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    /// Starts the server again on the same port, with the same mail.
    pub fn restart(&mut self) -> io::Result<()> {
        self.stop();
        self.run()
    }

    /// A client of the mailbox for the tests' own look at it; it does not borrow the server.
    pub fn client(&self) -> TestClient {
        TestClient {
            config: self.config(),
        }
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

/// The tests' own IMAP look at the mailbox: delivering mail, making folders, searching.
#[derive(Debug, Clone)]
pub struct TestClient {
    config: MailboxConfig,
}

impl TestClient {
    /// Delivers `raw` to `folder` (APPEND with the crate's own client), unseen.
    pub async fn deliver_to(&self, folder: &str, raw: &[u8]) -> Result<(), MailboxError> {
        let mut session = login(&self.config).await?;
        session.append(folder, None, None, raw).await?;
        Ok(session.logout().await?)
    }

    /// Delivers `raw` to the INBOX, unseen.
    pub async fn deliver(&self, raw: &[u8]) -> Result<(), MailboxError> {
        self.deliver_to("INBOX", raw).await
    }

    /// Creates a folder.
    pub async fn create_folder(&self, folder: &str) -> Result<(), MailboxError> {
        let mut session = login(&self.config).await?;
        session.create(folder).await?;
        Ok(session.logout().await?)
    }

    /// The UIDs in `folder` that match an IMAP SEARCH `query` ("UNSEEN", "SEEN", "ALL").
    pub async fn search(&self, folder: &str, query: &str) -> Result<Vec<u32>, MailboxError> {
        let mut session: ImapSession = login(&self.config).await?;
        session.examine(folder).await?;
        let mut uids: Vec<u32> = session.uid_search(query).await?.into_iter().collect();
        uids.sort_unstable();
        session.logout().await?;
        Ok(uids)
    }
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

/// Who Dovecot's processes and mail files run as.
struct Accounts {
    internal_user: String,
    login_user: String,
    mail_uid: u32,
    mail_gid: u32,
}

impl Accounts {
    /// As root: Debian's `dovecot` (internal and mail) and `dovenull` (login) users; else the
    /// current user for all (read from the owner of a folder it just made).
    fn for_this_process(dir: &Path) -> io::Result<Self> {
        let owner = std::fs::metadata(dir)?;
        if owner.uid() != 0 {
            let name = command_output("id", &["-un"])?;
            return Ok(Self {
                internal_user: name.clone(),
                login_user: name,
                mail_uid: owner.uid(),
                mail_gid: owner.gid(),
            });
        }
        let number = |flag: &str| -> io::Result<u32> {
            command_output("id", &[flag, "dovecot"])?
                .parse()
                .map_err(io::Error::other)
        };
        Ok(Self {
            internal_user: "dovecot".into(),
            login_user: "dovenull".into(),
            mail_uid: number("-u")?,
            mail_gid: number("-g")?,
        })
    }
}

/// A command's trimmed standard output.
fn command_output(program: &str, args: &[&str]) -> io::Result<String> {
    let output = Command::new(program).args(args).output()?;
    if !output.status.success() {
        return Err(io::Error::other(format!("{program} {args:?} failed")));
    }
    Ok(String::from_utf8_lossy(&output.stdout).trim().to_owned())
}

/// Changes a folder's owner (the mail folder, as root).
fn chown(path: &Path, uid: u32, gid: u32) -> io::Result<()> {
    std::os::unix::fs::chown(path, Some(uid), Some(gid))
}

/// The whole configuration: nothing is read from /etc/dovecot.
fn config(dir: &Path, port: u16, accounts: &Accounts) -> String {
    let dir = dir.display();
    let Accounts {
        internal_user,
        login_user,
        mail_uid,
        mail_gid,
    } = accounts;
    format!(
        r#"protocols = imap
listen = 127.0.0.1
base_dir = {dir}/run
state_dir = {dir}/state
log_path = {dir}/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
auth_failure_delay = 0
default_internal_user = {internal_user}
default_login_user = {login_user}
first_valid_uid = {mail_uid}
first_valid_gid = {mail_gid}
mail_location = maildir:{dir}/mail/%u
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {dir}/users
}}
userdb {{
  driver = static
  args = uid={mail_uid} gid={mail_gid} home={dir}/mail/%u
}}
service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {port}
  }}
  inet_listener imaps {{
    port = 0
  }}
}}
"#
    )
}
