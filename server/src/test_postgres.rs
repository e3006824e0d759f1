//! A throwaway PostgreSQL for tests (feature `test-postgres`): `initdb` in a temp dir, a
//! server on a free port of 127.0.0.1 (its unix socket inside the temp dir too), gone when
//! dropped. As root the binaries run as the `postgres` user (initdb refuses root).
//!
//! The binaries come from `HELPDESK_PG_BIN` if set, else from `PATH` (`initdb`), else from
//! the newest `/usr/lib/postgresql/*/bin`.
//!
//! ```no_run
//! # async fn example() -> std::io::Result<()> {
//! use helpdesk_server::test_postgres::PgServer;
//! let postgres = PgServer::shared()?; // one per test binary
//! let url = postgres.fresh_database().await?; // one per test
//! let server = helpdesk_server::spawn(helpdesk_server::Config::local(url, "a-token-of-16-chars+"))
//!     .await
//!     .map_err(std::io::Error::other)?;
//! println!("{}", server.url());
//! # Ok(())
//! # }
//! ```
//!
//! [`TestServer::start`] does all of that in one call. Pulls only see writes once every
//! older write transaction of the cluster has ended: right after a push, a test may need
//! [`settle`] before it pulls.
//!
//! A watchdog process holds a pipe from the test process: when that process ends, however
//! it ends, the watchdog stops PostgreSQL and removes the temp dir, so a server left in a
//! `static` ([`PgServer::shared`]) does not outlive its tests.
use std::io::{self, Write};
use std::net::TcpListener;
use std::os::unix::fs::MetadataExt;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Output, Stdio};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use rand::Rng;
use sqlx::Connection;

use crate::{Config, RunningServer};

/// How long PostgreSQL has to start.
const START_TIMEOUT: Duration = Duration::from_secs(60);
/// Ports tried before giving up (another process may take a free port first).
const PORT_ATTEMPTS: usize = 5;

/// A PostgreSQL server of its own, for tests. Stopped (`pg_ctl stop -m immediate`) and its
/// files removed on drop.
#[derive(Debug)]
pub struct PgServer {
    dir: PathBuf,
    port: u16,
    watchdog: Option<(Child, ChildStdin)>,
}

/// Which OS user runs the PostgreSQL binaries: ourselves, or `postgres` when we are root.
#[derive(Debug, Clone)]
struct Runner {
    bin: PathBuf,
    /// (uid, gid) of `postgres` when running as root.
    postgres: Option<(u32, u32)>,
}

impl Runner {
    fn find() -> io::Result<Runner> {
        let postgres = if current_uid()? == 0 {
            Some(postgres_ids()?)
        } else {
            None
        };
        Ok(Runner {
            bin: pg_bin_dir()?,
            postgres,
        })
    }

    fn command(&self, program: &str) -> Command {
        let path = self.bin.join(program);
        match self.postgres {
            Some(_) => {
                let mut command = Command::new("runuser");
                command.args(["-u", "postgres", "--"]).arg(path);
                command
            }
            None => Command::new(path),
        }
    }

    fn own(&self, path: &Path) -> io::Result<()> {
        if let Some((uid, gid)) = self.postgres {
            std::os::unix::fs::chown(path, Some(uid), Some(gid))?;
        }
        Ok(())
    }
}

impl PgServer {
    /// Creates a cluster in a new temp dir and starts it; returns once it accepts
    /// connections.
    pub fn start() -> io::Result<PgServer> {
        let runner = Runner::find()?;
        let dir = std::env::temp_dir().join(format!(
            "helpdesk-pg-{}-{:016x}",
            std::process::id(),
            rand::thread_rng().gen::<u64>()
        ));
        std::fs::create_dir(&dir)?;
        let mut server = PgServer {
            dir,
            port: 0,
            watchdog: None,
        };
        // From here on, dropping `server` cleans up whatever was made.
        runner.own(&server.dir)?;
        let socket_dir = server.dir.join("socket");
        std::fs::create_dir(&socket_dir)?;
        runner.own(&socket_dir)?;
        server.watchdog = Some(spawn_watchdog(&runner, &server.dir)?);

        let data = server.data_dir();
        let initdb = runner
            .command("initdb")
            .current_dir(&server.dir)
            .arg("-D")
            .arg(&data)
            .args([
                "-U",
                "postgres",
                "-A",
                "trust",
                "-E",
                "UTF8",
                "--no-locale",
                "-N",
            ])
            .output()?;
        check("initdb", &initdb)?;

        let mut last_error = None;
        for _ in 0..PORT_ATTEMPTS {
            let port = free_port()?;
            match start_postgres(&runner, &server.dir, &data, &socket_dir, port) {
                Ok(()) => {
                    server.port = port;
                    wait_ready(&runner, port)?;
                    return Ok(server);
                }
                Err(error) => last_error = Some(error),
            }
        }
        Err(last_error.unwrap_or_else(|| io::Error::other("PostgreSQL did not start")))
    }

    /// One server for the whole process, started on first use and stopped when the
    /// process ends (by the watchdog).
    pub fn shared() -> io::Result<&'static PgServer> {
        static SHARED: Mutex<Option<&'static PgServer>> = Mutex::new(None);
        let mut slot = SHARED
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(server) = *slot {
            return Ok(server);
        }
        let server: &'static PgServer = Box::leak(Box::new(PgServer::start()?));
        *slot = Some(server);
        Ok(server)
    }

    /// The TCP port on 127.0.0.1.
    pub fn port(&self) -> u16 {
        self.port
    }

    /// The URL of the `postgres` database (user `postgres`, no password).
    pub fn url(&self) -> String {
        self.database_url("postgres")
    }

    /// The URL of database `name`.
    pub fn database_url(&self, name: &str) -> String {
        format!("postgres://postgres@127.0.0.1:{}/{name}", self.port)
    }

    /// Creates database `name` (letters, digits and `_`) and returns its URL.
    pub async fn create_database(&self, name: &str) -> io::Result<String> {
        let valid = !name.is_empty()
            && name.len() < 64
            && name
                .bytes()
                .all(|byte| byte.is_ascii_alphanumeric() || byte == b'_');
        if !valid {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                format!("database name {name:?}: use letters, digits and _"),
            ));
        }
        let mut conn = sqlx::PgConnection::connect(&self.url())
            .await
            .map_err(io::Error::other)?;
        sqlx::query(&format!("CREATE DATABASE \"{name}\""))
            .execute(&mut conn)
            .await
            .map_err(io::Error::other)?;
        conn.close().await.map_err(io::Error::other)?;
        Ok(self.database_url(name))
    }

    /// Creates a database with a new name and returns its URL.
    pub async fn fresh_database(&self) -> io::Result<String> {
        static NEXT: AtomicU64 = AtomicU64::new(1);
        let name = format!("test_{}", NEXT.fetch_add(1, Ordering::Relaxed));
        self.create_database(&name).await
    }

    /// Writes `row` into the sync server's database at `database_url` as it is, past every
    /// check of a push: a row stored before a rule existed (by an older server), which
    /// desktops must still get past.
    pub async fn store_unchecked(
        database_url: &str,
        row: &helpdesk_core::sync::SyncRow,
    ) -> io::Result<()> {
        let mut conn = sqlx::PgConnection::connect(database_url)
            .await
            .map_err(io::Error::other)?;
        let fields = serde_json::to_value(&row.fields).map_err(io::Error::other)?;
        sqlx::query(
            "INSERT INTO sync_rows (table_name, row_id, fields, txid, seq)
             VALUES ($1, $2, $3, pg_current_xact_id(), nextval('sync_rows_seq'))
             ON CONFLICT (table_name, row_id) DO UPDATE
             SET fields = excluded.fields, txid = excluded.txid, seq = excluded.seq",
        )
        .bind(&row.table)
        .bind(row.id)
        .bind(fields)
        .execute(&mut conn)
        .await
        .map_err(io::Error::other)?;
        conn.close().await.map_err(io::Error::other)
    }

    /// Copies the database at `database_url` (on any server) into a new database of this
    /// one, the way an operator moves a server's database: `pg_dump -Fc`, then
    /// `pg_restore`. Returns the copy's URL.
    pub async fn restore_dump_of(&self, database_url: &str) -> io::Result<String> {
        let url = self.fresh_database().await?;
        let (source, target) = (database_url.to_owned(), url.clone());
        tokio::task::spawn_blocking(move || -> io::Result<()> {
            let runner = Runner::find()?;
            let dump = runner
                .command("pg_dump")
                .args(["--format=custom", "--dbname"])
                .arg(&source)
                .output()?;
            check("pg_dump", &dump)?;
            let mut restore = runner
                .command("pg_restore")
                .args(["--exit-on-error", "--dbname"])
                .arg(&target)
                .stdin(Stdio::piped())
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()?;
            let mut input = restore
                .stdin
                .take()
                .ok_or_else(|| io::Error::other("pg_restore without stdin"))?;
            input.write_all(&dump.stdout)?;
            drop(input);
            check("pg_restore", &restore.wait_with_output()?)
        })
        .await
        .map_err(io::Error::other)??;
        Ok(url)
    }

    /// Stops the server now (`pg_ctl stop -m immediate`) and removes its files; dropping
    /// does the same.
    pub fn stop(&mut self) {
        if let Some((mut child, stdin)) = self.watchdog.take() {
            // The watchdog stops PostgreSQL and removes the dir once its input closes.
            drop(stdin);
            let _ = child.wait();
        }
    }

    fn data_dir(&self) -> PathBuf {
        self.dir.join("data")
    }
}

impl Drop for PgServer {
    fn drop(&mut self) {
        self.stop();
    }
}

/// A sync server for a test: on a fresh database of the process's shared PostgreSQL
/// ([`PgServer::shared`]), listening on a free loopback port without TLS. Stops when dropped
/// (the database stays until the process ends).
#[derive(Debug)]
pub struct TestServer {
    pub server: RunningServer,
    /// The URL of its database, to look behind the API.
    pub database_url: String,
}

impl TestServer {
    /// Starts one whose administrator's token is `enrollment_token`. Call inside a tokio
    /// runtime (the server runs in a task of it).
    pub async fn start(enrollment_token: &str) -> io::Result<TestServer> {
        let database_url = PgServer::shared()?.fresh_database().await?;
        let mut config = Config::local(database_url.clone(), enrollment_token);
        config.max_db_connections = 5;
        let server = crate::spawn(config).await.map_err(io::Error::other)?;
        Ok(TestServer {
            server,
            database_url,
        })
    }

    /// The server's base URL, like `http://127.0.0.1:41234`.
    pub fn url(&self) -> String {
        self.server.url()
    }

    /// Waits until pulls see every write committed so far ([`settle`]).
    pub async fn settle(&self) -> io::Result<()> {
        settle(&self.database_url).await
    }
}

/// Waits until pulls from the database at `database_url` see every write committed so far.
///
/// Pulls stop below the oldest write transaction still running in the whole PostgreSQL
/// cluster (so that none is skipped), and tests sharing a cluster write at the same time:
/// a test that pulls right after pushing may see its rows only a moment later. This takes
/// a new transaction id and waits (30 s at most) until every older one has ended.
pub async fn settle(database_url: &str) -> io::Result<()> {
    let mut conn = sqlx::PgConnection::connect(database_url)
        .await
        .map_err(io::Error::other)?;
    let mark: String = sqlx::query_scalar("SELECT pg_current_xact_id()::text")
        .fetch_one(&mut conn)
        .await
        .map_err(io::Error::other)?;
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let passed: bool =
            sqlx::query_scalar("SELECT pg_snapshot_xmin(pg_current_snapshot()) > $1::text::xid8")
                .bind(&mark)
                .fetch_one(&mut conn)
                .await
                .map_err(io::Error::other)?;
        if passed {
            return conn.close().await.map_err(io::Error::other);
        }
        if Instant::now() > deadline {
            return Err(io::Error::new(
                io::ErrorKind::TimedOut,
                "a write transaction stayed open for 30 s",
            ));
        }
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
}

/// A process that waits for its standard input to close (the test process ended or
/// dropped the server), then stops PostgreSQL and removes `dir`.
fn spawn_watchdog(runner: &Runner, dir: &Path) -> io::Result<(Child, ChildStdin)> {
    let script =
        r#"read -r _ ; "$0" stop -D "$1/data" -m immediate -s >/dev/null 2>&1 ; rm -rf "$1""#;
    let pg_ctl = runner.bin.join("pg_ctl");
    let mut command = match runner.postgres {
        Some(_) => {
            let mut command = Command::new("runuser");
            command.args(["-u", "postgres", "--", "sh", "-c", script]);
            command
        }
        None => {
            let mut command = Command::new("sh");
            command.args(["-c", script]);
            command
        }
    };
    let mut child = command
        .arg(pg_ctl)
        .arg(dir)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        // Its own process group: a Ctrl-C in the terminal must not kill it before it cleans.
        .process_group(0)
        .spawn()?;
    let stdin = child
        .stdin
        .take()
        .ok_or_else(|| io::Error::other("watchdog without stdin"))?;
    Ok((child, stdin))
}

fn start_postgres(
    runner: &Runner,
    dir: &Path,
    data: &Path,
    socket_dir: &Path,
    port: u16,
) -> io::Result<()> {
    let options = format!(
        "-c port={port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={} \
         -c fsync=off -c synchronous_commit=off -c full_page_writes=off \
         -c max_connections=300 -c shared_buffers=32MB",
        socket_dir.display()
    );
    let output = runner
        .command("pg_ctl")
        .current_dir(dir)
        .arg("start")
        .arg("-D")
        .arg(data)
        .arg("-l")
        .arg(dir.join("postgres.log"))
        .args(["-w", "-t", &START_TIMEOUT.as_secs().to_string(), "-s"])
        .arg("-o")
        .arg(options)
        .output()?;
    check("pg_ctl start", &output).map_err(|error| {
        let log = std::fs::read_to_string(dir.join("postgres.log")).unwrap_or_default();
        io::Error::other(format!("{error}\n{log}"))
    })
}

/// Polls `pg_isready` until the server accepts connections on `port`.
fn wait_ready(runner: &Runner, port: u16) -> io::Result<()> {
    let deadline = Instant::now() + START_TIMEOUT;
    loop {
        let status = runner
            .command("pg_isready")
            .args(["-q", "-h", "127.0.0.1", "-p", &port.to_string()])
            .status()?;
        if status.success() {
            return Ok(());
        }
        if Instant::now() > deadline {
            return Err(io::Error::new(
                io::ErrorKind::TimedOut,
                format!("PostgreSQL on port {port} not ready after {START_TIMEOUT:?}"),
            ));
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn check(what: &str, output: &Output) -> io::Result<()> {
    if output.status.success() {
        return Ok(());
    }
    let mut message = format!("{what} failed ({})\n", output.status).into_bytes();
    message.write_all(&output.stdout)?;
    message.write_all(&output.stderr)?;
    Err(io::Error::other(
        String::from_utf8_lossy(&message).into_owned(),
    ))
}

fn free_port() -> io::Result<u16> {
    Ok(TcpListener::bind("127.0.0.1:0")?.local_addr()?.port())
}

fn current_uid() -> io::Result<u32> {
    // /proc/self belongs to the process's effective user.
    if let Ok(metadata) = std::fs::metadata("/proc/self") {
        return Ok(metadata.uid());
    }
    let output = Command::new("id").arg("-u").output()?;
    String::from_utf8_lossy(&output.stdout)
        .trim()
        .parse()
        .map_err(|_| io::Error::other("cannot tell the current uid"))
}

fn postgres_ids() -> io::Result<(u32, u32)> {
    let passwd = std::fs::read_to_string("/etc/passwd")?;
    passwd
        .lines()
        .find_map(|line| {
            let mut fields = line.split(':');
            (fields.next() == Some("postgres")).then_some(())?;
            let uid = fields.nth(1)?.parse().ok()?;
            let gid = fields.next()?.parse().ok()?;
            Some((uid, gid))
        })
        .ok_or_else(|| {
            io::Error::new(
                io::ErrorKind::NotFound,
                "running as root needs a `postgres` user to run PostgreSQL",
            )
        })
}

fn pg_bin_dir() -> io::Result<PathBuf> {
    if let Some(dir) = std::env::var_os("HELPDESK_PG_BIN") {
        return Ok(PathBuf::from(dir));
    }
    if let Some(path) = std::env::var_os("PATH") {
        for dir in std::env::split_paths(&path) {
            let initdb = dir.join("initdb");
            if initdb.is_file() {
                // Resolve symlinks (Debian links /usr/local/bin/initdb to the versioned dir)
                // so pg_ctl and pg_isready come from the same version.
                let real = std::fs::canonicalize(&initdb).unwrap_or(initdb);
                if let Some(parent) = real.parent() {
                    if parent.join("pg_ctl").is_file() {
                        return Ok(parent.to_path_buf());
                    }
                }
            }
        }
    }
    let mut versions: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|entry| {
            let version = entry.file_name().to_str()?.parse().ok()?;
            let bin = entry.path().join("bin");
            bin.join("initdb").is_file().then_some((version, bin))
        })
        .collect();
    versions.sort();
    versions.pop().map(|(_, bin)| bin).ok_or_else(|| {
        io::Error::new(
            io::ErrorKind::NotFound,
            "PostgreSQL binaries not found: install PostgreSQL or set HELPDESK_PG_BIN",
        )
    })
}
