//! A real OS keyring for the tests: a private D-Bus session bus with GNOME Keyring's Secret
//! Service on it (the `dbus-daemon`, `gnome-keyring` and `libsecret-tools` packages), its
//! files in a folder of the test's. Stopped when dropped.
use std::io::{self, BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const SECRETS_NAME: &str = "org.freedesktop.secrets";

/// A running session bus with an unlocked "login" keyring as the default collection.
#[derive(Debug)]
pub struct SecretService {
    bus: Child,
    keyring: Child,
    address: String,
}

impl SecretService {
    /// Starts the bus and the keyring daemon with their files under `folder`, and waits until
    /// the Secret Service answers on the bus.
    pub fn start(folder: &Path) -> io::Result<Self> {
        let home = folder.join("keyring-home");
        std::fs::create_dir_all(&home)?;
        let mut bus = Command::new("dbus-daemon")
            .args(["--session", "--nofork", "--print-address=1"])
            .arg(format!("--address={}", Self::address_in(folder)))
            .stdout(Stdio::piped())
            .spawn()
            .map_err(|error| missing("dbus-daemon", error))?;
        let mut address = String::new();
        if let Some(stdout) = bus.stdout.take() {
            BufReader::new(stdout).read_line(&mut address)?;
        }
        let address = address.trim().to_owned();
        let keyring = Command::new("gnome-keyring-daemon")
            .args(["--foreground", "--unlock", "--components=secrets"])
            .env("DBUS_SESSION_BUS_ADDRESS", &address)
            .env("HOME", &home)
            .env("XDG_DATA_HOME", home.join("data"))
            .env("XDG_RUNTIME_DIR", &home)
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .spawn();
        let mut keyring = match keyring {
            Ok(child) => child,
            Err(error) => {
                stop(&mut bus);
                return Err(missing("gnome-keyring-daemon", error));
            }
        };
        // The login keyring's password, read until end of input: it is made and unlocked.
        let unlocked = keyring
            .stdin
            .take()
            .map(|mut stdin| stdin.write_all(b"helpdesk-test-keyring"));
        let mut service = Self {
            bus,
            keyring,
            address,
        };
        unlocked.transpose()?;
        service.wait_until_served(Duration::from_secs(20))?;
        Ok(service)
    }

    /// The address of the bus started in `folder`, known before it starts: libdbus reads
    /// `DBUS_SESSION_BUS_ADDRESS` once per process, so a test sets it before any D-Bus call.
    pub fn address_in(folder: &Path) -> String {
        format!("unix:path={}", folder.join("bus").display())
    }

    /// The bus's address, for `DBUS_SESSION_BUS_ADDRESS`.
    pub fn address(&self) -> &str {
        &self.address
    }

    /// The secret stored for `service` and `account` (the OS keyring's own reading, through
    /// `secret-tool`), if there is one.
    pub fn lookup(&self, service: &str, account: &str) -> io::Result<Option<String>> {
        let output = Command::new("secret-tool")
            .args(["lookup", "service", service, "username", account])
            .env("DBUS_SESSION_BUS_ADDRESS", &self.address)
            .output()
            .map_err(|error| missing("secret-tool", error))?;
        Ok(output
            .status
            .success()
            .then(|| String::from_utf8_lossy(&output.stdout).into_owned()))
    }

    fn wait_until_served(&mut self, patience: Duration) -> io::Result<()> {
        let deadline = Instant::now() + patience;
        loop {
            let output = Command::new("dbus-send")
                .arg(format!("--bus={}", self.address))
                .args([
                    "--print-reply",
                    "--dest=org.freedesktop.DBus",
                    "/org/freedesktop/DBus",
                    "org.freedesktop.DBus.NameHasOwner",
                ])
                .arg(format!("string:{SECRETS_NAME}"))
                .output()?;
            if String::from_utf8_lossy(&output.stdout).contains("boolean true") {
                return Ok(());
            }
            if let Some(status) = self.keyring.try_wait()? {
                return Err(io::Error::other(format!(
                    "gnome-keyring-daemon stopped ({status}) before serving {SECRETS_NAME}"
                )));
            }
            if Instant::now() > deadline {
                return Err(io::Error::other(format!(
                    "{SECRETS_NAME} not on the test bus after {patience:?}"
                )));
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for SecretService {
    fn drop(&mut self) {
        stop(&mut self.keyring);
        stop(&mut self.bus);
    }
}

fn stop(child: &mut Child) {
    let _ = child.kill();
    let _ = child.wait();
}

fn missing(program: &str, error: io::Error) -> io::Error {
    io::Error::other(format!(
        "{program} did not start ({error}); `scripts/setup.sh test` installs it"
    ))
}
