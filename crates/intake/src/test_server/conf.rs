//! The test Dovecot's whole configuration (nothing is read from /etc/dovecot), who its
//! processes run as, and its self-signed certificate.
use std::io;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The capabilities of a server without IDLE, MOVE or UIDPLUS.
const BASIC_CAPABILITIES: &str = "IMAP4rev1 LITERAL+ SASL-IR ID ENABLE NAMESPACE";

/// What the configuration says.
pub(super) struct Settings<'a> {
    pub dir: &'a Path,
    pub port: u16,
    /// The implicit-TLS port, when TLS is on.
    pub tls_port: Option<u16>,
    pub basic_capabilities: bool,
    pub accounts: &'a Accounts,
}

/// Who Dovecot's processes and mail files run as.
pub(super) struct Accounts {
    internal_user: String,
    internal_group: String,
    login_user: String,
    pub mail_uid: u32,
    pub mail_gid: u32,
}

impl Accounts {
    /// As root: Debian's `dovecot` (internal and mail) and `dovenull` (login) users; else the
    /// current user for all (read from the owner of a folder it just made).
    pub fn for_this_process(dir: &Path) -> io::Result<Self> {
        let owner = std::fs::metadata(dir)?;
        if owner.uid() != 0 {
            let name = command_output("id", &["-un"])?;
            return Ok(Self {
                internal_user: name.clone(),
                internal_group: command_output("id", &["-gn"])?,
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
            internal_group: "dovecot".into(),
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

/// A self-signed certificate for 127.0.0.1 and localhost, made with `openssl` in `dir`:
/// the certificate and key files (as `crates/mail/src/test_server.rs` makes its own).
pub(super) fn self_signed_certificate(dir: &Path) -> io::Result<(PathBuf, PathBuf)> {
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

/// The configuration file's text.
pub(super) fn render(settings: &Settings<'_>) -> String {
    let dir = settings.dir.display();
    let Accounts {
        internal_user,
        internal_group,
        login_user,
        mail_uid,
        mail_gid,
    } = settings.accounts;
    let port = settings.port;
    let (ssl, tls_port) = match settings.tls_port {
        Some(tls_port) => (
            format!("ssl = yes\nssl_cert = <{dir}/cert.pem\nssl_key = <{dir}/key.pem"),
            tls_port,
        ),
        None => ("ssl = no".to_owned(), 0),
    };
    let capabilities = if settings.basic_capabilities {
        format!("imap_capability = {BASIC_CAPABILITIES}")
    } else {
        String::new()
    };
    format!(
        r#"protocols = imap
listen = 127.0.0.1
base_dir = {dir}/run
state_dir = {dir}/state
log_path = {dir}/dovecot.log
{ssl}
{capabilities}
disable_plaintext_auth = no
auth_mechanisms = plain login
auth_failure_delay = 0
default_internal_user = {internal_user}
default_internal_group = {internal_group}
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
# No chroot: a user other than root cannot chroot.
service anvil {{
  chroot =
}}
service imap-login {{
  chroot =
  inet_listener imap {{
    address = 127.0.0.1
    port = {port}
  }}
  inet_listener imaps {{
    address = 127.0.0.1
    port = {tls_port}
  }}
}}
"#
    )
}
