//! The harness of the end-to-end tests: a virtual display (Xvfb), tauri-driver with
//! WebKitWebDriver, and a WebDriver session on the built app's real window.
//!
//! It starts every process itself and stops them when dropped. Waits poll for what the test
//! needs (an element, a text) up to a deadline; there are no fixed sleeps. Screenshots go
//! to `target/e2e-screenshots/`, and one is saved when a step fails.
#![allow(clippy::unwrap_used)]

use std::io::{BufRead, BufReader};
use std::net::{TcpListener, TcpStream};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub mod customers;
pub mod demo;
pub mod desktops;
mod file_picker;
pub mod opener;
pub mod setup;
pub mod status_bar;
pub mod wizard;

pub use fantoccini::{elements::Element, error::CmdError, Client, Locator};

/// How long a wait may take before the step fails.
pub const TIMEOUT: Duration = Duration::from_secs(30);
const POLL: Duration = Duration::from_millis(50);
/// How long a click on a radio button has to check it before it is clicked again.
const RECHECK: Duration = Duration::from_secs(2);

/// A failed step, with what was expected.
pub type StepResult<T = ()> = Result<T, String>;

/// The running app and the processes behind it.
pub struct Harness {
    pub client: Client,
    /// How long the WebDriver session took to open: the app's launch up to its first page.
    pub launch: Duration,
    screenshots: PathBuf,
    taken: usize,
    /// The X display the app runs on (`:N`).
    display: String,
    // Dropped last, after the session is closed.
    processes: Processes,
}

/// Xvfb and the WebDriver server (tauri-driver leading a process group with WebKitWebDriver
/// and the app, or WebKitWebDriver with MiniBrowser), ended
/// when dropped — also when the harness fails half-way through starting.
struct Processes {
    display: Child,
    driver: Option<Child>,
}

impl Drop for Processes {
    fn drop(&mut self) {
        if let Some(driver) = &mut self.driver {
            let app = app_in_group(driver.id());
            let group = format!("-{}", driver.id());
            let _ = Command::new("kill").args(["-TERM", "--", &group]).status();
            let _ = driver.wait();
            // The app exits cleanly on SIGTERM, which takes a moment: the next app on the
            // same database must not find it still holding the database.
            if let Some(app) = app {
                let deadline = Instant::now() + TIMEOUT;
                while process_runs(app) && Instant::now() < deadline {
                    std::thread::sleep(POLL);
                }
                if process_runs(app) {
                    let _ = Command::new("kill")
                        .args(["-KILL", &app.to_string()])
                        .status();
                }
            }
        }
        // TERM, not KILL: Xvfb then removes its lock file and socket.
        let _ = Command::new("kill")
            .args(["-TERM", &self.display.id().to_string()])
            .status();
        let _ = self.display.wait();
    }
}

/// The data and config folders the harness gives the app (`XDG_DATA_HOME`,
/// `XDG_CONFIG_HOME`): beside its database, so that each test has its own log files and
/// window state, and a restart on the same database finds them again.
pub struct AppFolders {
    pub data: PathBuf,
    pub config: PathBuf,
}

/// The app's identifier, which names its folders.
pub const APP_IDENTIFIER: &str = "br.com.helpdesk.desktop";

impl AppFolders {
    /// The folders of the app on `database`.
    pub fn of(database: &Path) -> Self {
        let home = database.parent().unwrap_or(Path::new(".")).join("app-home");
        Self {
            data: home.join("data"),
            config: home.join("config"),
        }
    }

    fn environment(&self) -> [(&'static str, &Path); 2] {
        [
            ("XDG_DATA_HOME", self.data.as_path()),
            ("XDG_CONFIG_HOME", self.config.as_path()),
        ]
    }

    /// The app's current log file.
    pub fn log_file(&self) -> PathBuf {
        self.data.join(APP_IDENTIFIER).join("logs/helpdesk.log")
    }

    /// The app's current log, empty before it wrote one.
    pub fn log(&self) -> String {
        std::fs::read(self.log_file())
            .map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
            .unwrap_or_default()
    }
}

/// The process of the group `group` (tauri-driver's) running the app's binary.
fn app_in_group(group: u32) -> Option<u32> {
    let binary = std::fs::canonicalize(app_binary()).ok()?;
    std::fs::read_dir("/proc")
        .ok()?
        .filter_map(Result::ok)
        .filter_map(|entry| entry.file_name().to_str()?.parse::<u32>().ok())
        .find(|pid| {
            process_group(*pid) == Some(group)
                && std::fs::read_link(format!("/proc/{pid}/exe")).ok().as_ref() == Some(&binary)
        })
}

/// The process group of the process `pid`, if it runs.
fn process_group(pid: u32) -> Option<u32> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // After the command's name in parentheses: state, parent, group.
    let after = stat.rsplit_once(')')?.1;
    after.split_whitespace().nth(2)?.parse().ok()
}

/// Whether the process `pid` still runs (a zombie has ended).
fn process_runs(pid: u32) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat")).is_ok_and(|stat| {
        stat.rsplit_once(')')
            .and_then(|(_, after)| after.split_whitespace().next())
            .is_some_and(|state| state != "Z" && state != "X")
    })
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .map(|addr| addr.port())
        .expect("a free loopback port")
}

fn wait_until(what: &str, mut ready: impl FnMut() -> bool) {
    let deadline = Instant::now() + TIMEOUT;
    while !ready() {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        std::thread::sleep(POLL);
    }
}

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

/// The cargo target folder: `$CARGO_TARGET_DIR`, or `target/` at the workspace root.
pub fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .map(|dir| {
            if dir.is_absolute() {
                dir
            } else {
                workspace_root().join(dir)
            }
        })
        .unwrap_or_else(|| workspace_root().join("target"))
}

/// The app binary under test: `$HELPDESK_APP`, or the debug build in the target folder.
pub fn app_binary() -> PathBuf {
    std::env::var_os("HELPDESK_APP")
        .map(PathBuf::from)
        .unwrap_or_else(|| target_dir().join("debug/helpdesk-desktop"))
}

/// Starts Xvfb on the first free display, which it picks itself (`-displayfd`): stale lock
/// files of servers that died are then its business, not a range to scan.
fn start_display() -> (Child, String) {
    let mut child = Command::new("Xvfb")
        .args([
            "-displayfd",
            "1",
            "-screen",
            "0",
            "1280x800x24",
            "-nolisten",
            "tcp",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("Xvfb starts (run scripts/setup.sh test)");
    let mut number = String::new();
    if let Some(stdout) = child.stdout.take() {
        let _ = BufReader::new(stdout).read_line(&mut number);
    }
    let number = number.trim();
    assert!(!number.is_empty(), "Xvfb did not report its display number");
    (child, format!(":{number}"))
}

/// Runs one WebDriver call, failing the step if it errs or outlasts [`TIMEOUT`].
async fn bounded<T, E: std::fmt::Display + std::fmt::Debug>(
    what: &str,
    call: impl std::future::Future<Output = Result<T, E>>,
) -> StepResult<T> {
    bounded_by(what, TIMEOUT, call).await
}

/// [`bounded`], outlasting `limit` instead.
async fn bounded_by<T, E: std::fmt::Display + std::fmt::Debug>(
    what: &str,
    limit: Duration,
    call: impl std::future::Future<Output = Result<T, E>>,
) -> StepResult<T> {
    eprintln!("e2e: {what}");
    match tokio::time::timeout(limit, call).await {
        Ok(Ok(value)) => Ok(value),
        Ok(Err(error)) => Err(format!("{what}: {error} ({error:?})")),
        Err(_) => Err(format!("{what}: no answer in {} s", limit.as_secs())),
    }
}

impl Harness {
    /// Starts Xvfb, tauri-driver and the app on the database at `database`, and opens a
    /// WebDriver session on its window. `name` names the screenshot folder.
    pub async fn start(name: &str, database: &Path) -> Self {
        Self::start_with(name, database, &[]).await
    }

    /// [`Harness::start`], the app (and tauri-driver) also given the variables `environment`.
    /// The app's data and config folders (its log files, its window's state) are
    /// [`AppFolders::of`] the database, unless `environment` names others.
    pub async fn start_with(name: &str, database: &Path, environment: &[(&str, &str)]) -> Self {
        Self::start_binary(name, &app_binary(), database, environment).await
    }

    /// [`Harness::start_with`], running the app binary at `app` (say, one installed from the
    /// package) instead of [`app_binary`].
    pub async fn start_binary(
        name: &str,
        app: &Path,
        database: &Path,
        environment: &[(&str, &str)],
    ) -> Self {
        assert!(
            app.exists(),
            "{} is missing: build the app first",
            app.display()
        );
        let port = free_port();
        let native_port = free_port();
        let mut driver = Command::new("tauri-driver");
        driver
            .args([
                "--port",
                &port.to_string(),
                "--native-port",
                &native_port.to_string(),
            ])
            .env("HELPDESK_DB", database)
            .env("RUST_LOG", "info")
            .envs(AppFolders::of(database).environment())
            .envs(environment.iter().copied());
        let capabilities = serde_json::json!({
            "tauri:options": { "application": app },
            "browserName": "wry",
        });
        // tauri-driver answers on `port` before WebKitWebDriver listens on `native_port`; a
        // session asked for in between is dropped without an answer.
        Self::launch(name, driver, &[port, native_port], capabilities).await
    }

    /// Starts Xvfb, WebKitWebDriver and WebKitGTK's MiniBrowser (the engine of the app's
    /// window on Linux) for a page the app does not show, such as the server's public form.
    /// The browser is `$HELPDESK_MINIBROWSER`, or libwebkit2gtk-4.1's own.
    pub async fn browser(name: &str) -> Self {
        let browser = std::env::var_os("HELPDESK_MINIBROWSER")
            .map(PathBuf::from)
            .or_else(|| {
                ["x86_64-linux-gnu", "aarch64-linux-gnu"]
                    .iter()
                    .map(|arch| {
                        PathBuf::from(format!("/usr/lib/{arch}/webkit2gtk-4.1/MiniBrowser"))
                    })
                    .find(|path| path.exists())
            })
            .expect("WebKitGTK's MiniBrowser (libwebkit2gtk-4.1-0; run scripts/setup.sh test)");
        let port = free_port();
        let mut driver = Command::new("WebKitWebDriver");
        driver.arg(format!("--port={port}"));
        let capabilities = serde_json::json!({
            "browserName": "MiniBrowser",
            "webkitgtk:browserOptions": { "binary": browser, "args": ["--automation"] },
        });
        Self::launch(name, driver, &[port], capabilities).await
    }

    /// Starts Xvfb and `driver` (a WebDriver server on `ports[0]`, in a process group of its
    /// own), waits until every one of `ports` listens, and opens a session with
    /// `capabilities`.
    async fn launch(
        name: &str,
        mut driver: Command,
        ports: &[u16],
        capabilities: serde_json::Value,
    ) -> Self {
        let screenshots = target_dir().join("e2e-screenshots").join(name);
        // Screenshots of an earlier run would pass for this one's.
        let _ = std::fs::remove_dir_all(&screenshots);
        std::fs::create_dir_all(&screenshots).unwrap();
        let (display_process, display) = start_display();
        let mut processes = Processes {
            display: display_process,
            driver: None,
        };
        let started = driver
            .env("DISPLAY", &display)
            .process_group(0)
            .spawn()
            .expect("the WebDriver server starts (run scripts/setup.sh test)");
        processes.driver = Some(started);
        for &port in ports {
            wait_until("the WebDriver server", || {
                TcpStream::connect(("127.0.0.1", port)).is_ok()
            });
        }
        let capabilities = capabilities.as_object().cloned().unwrap();
        let launching = Instant::now();
        let client = fantoccini::ClientBuilder::native()
            .capabilities(capabilities)
            .connect(&format!("http://127.0.0.1:{}", ports[0]))
            .await
            .expect("a WebDriver session");
        let launch = launching.elapsed();
        Self {
            client,
            launch,
            screenshots,
            taken: 0,
            display,
            processes,
        }
    }

    /// The shared libraries each process of the app's group has loaded (the app, WebKit's
    /// processes and the WebDriver servers), by the process's executable name.
    pub fn loaded_libraries(&self) -> Vec<(String, Vec<String>)> {
        let Some(driver) = &self.processes.driver else {
            return Vec::new();
        };
        let group = driver.id();
        let Ok(entries) = std::fs::read_dir("/proc") else {
            return Vec::new();
        };
        entries
            .filter_map(Result::ok)
            .filter_map(|entry| entry.file_name().to_str()?.parse::<u32>().ok())
            .filter(|pid| process_group(*pid) == Some(group))
            .filter_map(|pid| {
                let exe = std::fs::read_link(format!("/proc/{pid}/exe")).ok()?;
                let maps = std::fs::read_to_string(format!("/proc/{pid}/maps")).ok()?;
                let mut libraries: Vec<String> = maps
                    .lines()
                    .filter_map(|line| line.split_whitespace().nth(5))
                    .filter(|path| path.contains(".so"))
                    .filter_map(|path| Some(Path::new(path).file_name()?.to_str()?.to_owned()))
                    .collect();
                libraries.sort();
                libraries.dedup();
                Some((exe.file_name()?.to_str()?.to_owned(), libraries))
            })
            .collect()
    }

    /// Kills the app at once, as a crash or a power cut would: SIGKILL to tauri-driver's
    /// process group (WebKitWebDriver and the app). The session is gone afterwards.
    pub fn kill_app(&mut self) {
        if let Some(driver) = &mut self.processes.driver {
            let group = format!("-{}", driver.id());
            let _ = Command::new("kill").args(["-KILL", "--", &group]).status();
            let _ = driver.wait();
        }
        self.processes.driver = None;
    }

    /// Ends the app as the system does when the session ends (SIGTERM to the app alone):
    /// the app exits cleanly, saving its window's state. Waits until it has gone; the
    /// session is gone afterwards.
    pub async fn close_app(&mut self) -> StepResult {
        let app = self.app_process().ok_or("the app's process is not found")?;
        eprintln!("e2e: SIGTERM to the app ({app})");
        let _ = Command::new("kill")
            .args(["-TERM", &app.to_string()])
            .status();
        let deadline = Instant::now() + TIMEOUT;
        while process_runs(app) {
            if Instant::now() > deadline {
                return Err(format!("the app ({app}) did not exit after SIGTERM"));
            }
            tokio::time::sleep(POLL).await;
        }
        self.kill_app();
        Ok(())
    }

    /// The app's process id.
    fn app_process(&self) -> Option<u32> {
        app_in_group(self.processes.driver.as_ref()?.id())
    }

    /// Starts the app a second time on `database`, on this harness's display, and waits until
    /// its log has a line holding `expected`; then ends it and answers its log. An error if
    /// it ends, or says nothing of the kind, first.
    pub fn second_app_says(&self, database: &Path, expected: &str) -> StepResult<String> {
        eprintln!("e2e: a second app on {}", database.display());
        let mut second = Command::new(app_binary())
            .env("HELPDESK_DB", database)
            .env("DISPLAY", &self.display)
            .env("RUST_LOG", "info")
            .envs(AppFolders::of(database).environment())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|error| format!("the second app does not start: {error}"))?;
        let stderr = second.stderr.take().ok_or("no log of the second app")?;
        let (lines, heard) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if lines.send(line).is_err() {
                    break;
                }
            }
        });
        let deadline = Instant::now() + TIMEOUT;
        let mut log = String::new();
        let found = loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match heard.recv_timeout(left) {
                Ok(line) => {
                    log.push_str(&line);
                    log.push('\n');
                    if line.contains(expected) {
                        break true;
                    }
                }
                Err(_) => break false,
            }
        };
        let _ = second.kill();
        let _ = second.wait();
        if found {
            Ok(log)
        } else {
            Err(format!(
                "the second app never said {expected:?}; its log:\n{log}"
            ))
        }
    }

    /// The `id` of the element that has the keyboard focus.
    pub async fn focused_id(&self) -> StepResult<String> {
        let element = bounded("the focused element", self.client.active_element()).await?;
        let id = bounded("its id", element.attr("id")).await?;
        Ok(id.unwrap_or_default())
    }

    /// Waits until nothing matches `css`.
    pub async fn gone(&self, css: &str) -> StepResult {
        let deadline = Instant::now() + TIMEOUT;
        while Instant::now() < deadline {
            if self.client.find(Locator::Css(css)).await.is_err() {
                return Ok(());
            }
            tokio::time::sleep(POLL).await;
        }
        Err(format!("{css} should have gone"))
    }

    /// Saves a screenshot of the app's display as `NN-name.png`, taken from the X server
    /// (ImageMagick's `import`): WebKitWebDriver's own screenshot never answers once the
    /// window draws without OpenGL (src-tauri/src/rendering.rs), and the session hangs.
    pub async fn screenshot(&mut self, name: &str) {
        self.taken += 1;
        let path = self
            .screenshots
            .join(format!("{:02}-{name}.png", self.taken));
        let taken = Command::new("import")
            .args(["-display", &self.display, "-window", "root"])
            .arg(&path)
            .status();
        if !taken.as_ref().is_ok_and(|status| status.success()) {
            eprintln!("screenshot {name}: ImageMagick's import failed ({taken:?})");
        }
    }

    /// The element matching `css`, once it is there.
    pub async fn element(&self, css: &str) -> StepResult<Element> {
        self.element_within(css, TIMEOUT).await
    }

    /// The element matching `css`, once it is there, waiting up to `limit` (for what comes
    /// after a long time, as the idle lock). Finding elements is no activity in the window.
    pub async fn element_within(&self, css: &str, limit: Duration) -> StepResult<Element> {
        let wait = self.client.wait().at_most(limit).every(POLL);
        bounded_by(
            &format!("find {css}"),
            limit,
            wait.for_element(Locator::Css(css)),
        )
        .await
    }

    /// Waits until the element matching `css` exists and its text contains `text`.
    pub async fn text_at(&self, css: &str, text: &str) -> StepResult<String> {
        let deadline = Instant::now() + TIMEOUT;
        let mut last = String::new();
        while Instant::now() < deadline {
            if let Ok(element) = self.client.find(Locator::Css(css)).await {
                last = element.text().await.unwrap_or_default();
                if last.contains(text) {
                    return Ok(last);
                }
            }
            tokio::time::sleep(POLL).await;
        }
        Err(format!("{css} should contain {text:?}, has {last:?}"))
    }

    /// Waits until the element matching `css` shows exactly `text` (trimmed), e.g. a count
    /// that must read "1 mensagem" and not "1 mensagem(ns)".
    pub async fn text_is(&self, css: &str, text: &str) -> StepResult {
        let deadline = Instant::now() + TIMEOUT;
        let mut last = String::new();
        while Instant::now() < deadline {
            if let Ok(element) = self.client.find(Locator::Css(css)).await {
                last = element.text().await.unwrap_or_default();
                if last.trim() == text {
                    return Ok(());
                }
            }
            tokio::time::sleep(POLL).await;
        }
        Err(format!("{css} should read {text:?}, reads {last:?}"))
    }

    /// Clicks the element matching `css`.
    pub async fn click(&self, css: &str) -> StepResult {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let element = self.element(css).await?;
            match bounded(&format!("click {css}"), element.click()).await {
                // Not clickable yet (being laid out or replaced): find it again.
                Err(error)
                    if error.contains("ElementNotInteractable") && Instant::now() < deadline =>
                {
                    tokio::time::sleep(POLL).await;
                }
                outcome => return outcome,
            }
        }
    }

    /// Clicks the radio button matching `css` until it is checked: a click that lands while
    /// the page is being drawn again can be lost, as an operator's can.
    pub async fn check(&self, css: &str) -> StepResult {
        let deadline = Instant::now() + TIMEOUT;
        while Instant::now() < deadline {
            self.click(css).await?;
            let settled = Instant::now() + RECHECK;
            while Instant::now() < settled {
                if self.is_checked(css).await? {
                    return Ok(());
                }
                tokio::time::sleep(POLL).await;
            }
        }
        Err(format!("{css} stayed unchecked"))
    }

    /// Whether the radio button or checkbox matching `css` is checked now.
    async fn is_checked(&self, css: &str) -> StepResult<bool> {
        let element = self.element(css).await?;
        bounded(&format!("checked {css}"), element.is_selected()).await
    }

    /// Replaces the value of the input matching `css` with `text`. The old value is removed
    /// with keystrokes (Ctrl+A, Backspace), which the UI sees as input: WebDriver's own
    /// clear does not, so a redraw in between could bring the old value back.
    pub async fn fill(&self, css: &str, text: &str) -> StepResult {
        let element = self.element(css).await?;
        bounded(
            &format!("clear {css}"),
            element.send_keys("\u{E009}a\u{E009}\u{E003}"),
        )
        .await?;
        if text.is_empty() {
            return Ok(());
        }
        let shown: String = text.chars().take(40).collect();
        bounded(
            &format!("type {shown:?} into {css}"),
            element.send_keys(text),
        )
        .await
    }

    /// Sends keys (WebDriver key codes allowed) to the element matching `css`.
    pub async fn press(&self, css: &str, keys: &str) -> StepResult {
        let element = self.element(css).await?;
        bounded(&format!("press {keys:?} on {css}"), element.send_keys(keys)).await
    }

    /// The current value of the input matching `css`.
    pub async fn value(&self, css: &str) -> StepResult<String> {
        let element = self.element(css).await?;
        let value = bounded(&format!("value of {css}"), element.prop("value")).await?;
        Ok(value.unwrap_or_default())
    }

    /// Fails unless the input matching `css` holds `expected` (spaces around ignored).
    pub async fn expect_value(&self, css: &str, expected: &str) -> StepResult {
        let value = self.value(css).await?;
        if value.trim() == expected.trim() {
            Ok(())
        } else {
            Err(format!("{css} should hold {expected:?}, holds {value:?}"))
        }
    }

    /// Chooses the option with `value` in the select matching `css`, once that option is
    /// there (a select's options may still be loading).
    pub async fn select(&self, css: &str, value: &str) -> StepResult {
        self.element(&format!("{css} option[value=\"{value}\"]"))
            .await?;
        let element = self.element(css).await?;
        bounded(
            &format!("select {value} in {css}"),
            element.select_by_value(value),
        )
        .await
    }

    /// Runs the steps; on failure saves a screenshot and fails the test with the step's words.
    pub async fn run<F>(mut self, steps: F)
    where
        F: AsyncFnOnce(&mut Harness) -> StepResult,
    {
        let outcome = steps(&mut self).await;
        if outcome.is_err() {
            self.screenshot("failure").await;
        }
        let _ = bounded("close the session", self.client.clone().close()).await;
        if let Err(failure) = outcome {
            panic!("{failure} (screenshots in {})", self.screenshots.display());
        }
    }
}
