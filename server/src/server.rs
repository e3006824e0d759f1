//! Listening: plain HTTP on loopback, or HTTPS with the configured certificate (rustls).
use std::future::Future;
use std::net::SocketAddr;
use std::time::Duration;

use axum_server::tls_rustls::RustlsConfig;
use axum_server::Handle;
use tokio::task::JoinHandle;

use crate::config::Config;
use crate::mailboxes::MailboxRunner;
use crate::routes::{router, Limits};
use crate::snapshots::SnapshotRunner;
use crate::state::{AppState, StartError};

/// How long running requests may finish after a shutdown signal.
const GRACE: Duration = Duration::from_secs(10);

/// A server running in this process (in a tokio task) with its mailboxes' and snapshots'
/// runners; stops
/// when dropped.
#[derive(Debug)]
pub struct RunningServer {
    addr: SocketAddr,
    tls: bool,
    handle: Handle<SocketAddr>,
    task: Option<JoinHandle<std::io::Result<()>>>,
    mailboxes: Option<MailboxRunner>,
    snapshots: Option<SnapshotRunner>,
}

impl RunningServer {
    /// The address it listens on (the actual port when configured with port 0).
    pub fn local_addr(&self) -> SocketAddr {
        self.addr
    }

    /// Its base URL, like `http://127.0.0.1:41234` (no trailing slash).
    pub fn url(&self) -> String {
        let scheme = if self.tls { "https" } else { "http" };
        format!("{scheme}://{}", self.addr)
    }

    /// Stops reading the mailboxes and accepting, lets running requests finish (up to 10 s)
    /// and waits for the end.
    pub async fn shutdown(mut self) -> std::io::Result<()> {
        self.mailboxes.take();
        self.snapshots.take();
        self.handle.graceful_shutdown(Some(GRACE));
        match self.task.take() {
            Some(task) => task.await.map_err(std::io::Error::other)?,
            None => Ok(()),
        }
    }
}

impl Drop for RunningServer {
    fn drop(&mut self) {
        self.handle.shutdown();
    }
}

/// Connects to the database (applying migrations) and starts listening on
/// `config.listen`, in a task of the current tokio runtime.
pub async fn spawn(config: Config) -> Result<RunningServer, StartError> {
    config.check_listen()?;
    let state = AppState::connect(&config).await?;
    spawn_with_state(&config, state).await
}

/// Starts listening on `config.listen` with an existing state, and reading the mailboxes.
///
/// A connection that takes longer than `config.header_read_timeout` to send its first
/// request's headers, or a later request's (HTTP/1: an idle kept-alive connection too), is
/// closed; the TLS handshake has axum-server's own limit (10 seconds).
pub async fn spawn_with_state(
    config: &Config,
    state: AppState,
) -> Result<RunningServer, StartError> {
    config.check_listen()?;
    let listener = std::net::TcpListener::bind(config.listen)?;
    let addr = listener.local_addr()?;
    let app = router(state.clone(), Limits::from(config))
        .into_make_service_with_connect_info::<SocketAddr>();
    let handle = Handle::new();
    let task = match &config.tls {
        Some(paths) => {
            let tls = RustlsConfig::from_pem_file(&paths.cert, &paths.key)
                .await
                .map_err(StartError::Tls)?;
            let mut server = axum_server::from_tcp_rustls(listener, tls)?
                .handle(handle.clone())
                .first_request_timeout(config.header_read_timeout);
            server
                .http_builder()
                .http1()
                .header_read_timeout(config.header_read_timeout);
            tokio::spawn(server.serve(app))
        }
        None => {
            let mut server = axum_server::from_tcp(listener)?
                .handle(handle.clone())
                .first_request_timeout(config.header_read_timeout);
            server
                .http_builder()
                .http1()
                .header_read_timeout(config.header_read_timeout);
            tokio::spawn(server.serve(app))
        }
    };
    tracing::info!(%addr, tls = config.tls.is_some(), "listening");
    Ok(RunningServer {
        addr,
        tls: config.tls.is_some(),
        handle,
        task: Some(task),
        mailboxes: Some(MailboxRunner::spawn(
            state.clone(),
            config.mailbox_check_every,
        )),
        snapshots: config
            .snapshot_every
            .map(|every| SnapshotRunner::spawn(state, every)),
    })
}

/// Runs the server until `shutdown` completes, then stops gracefully.
pub async fn serve_until(
    config: Config,
    shutdown: impl Future<Output = ()>,
) -> Result<(), StartError> {
    let mut server = spawn(config).await?;
    let Some(task) = server.task.take() else {
        return Ok(());
    };
    tokio::pin!(task);
    tokio::select! {
        finished = &mut task => return Ok(finished.map_err(std::io::Error::other)??),
        () = shutdown => {}
    }
    tracing::info!("shutting down");
    server.mailboxes.take();
    server.snapshots.take();
    server.handle.graceful_shutdown(Some(GRACE));
    task.await.map_err(std::io::Error::other)??;
    Ok(())
}

/// Runs the server until SIGINT (Ctrl-C) or SIGTERM.
pub async fn serve(config: Config) -> Result<(), StartError> {
    serve_until(config, shutdown_signal()).await
}

async fn shutdown_signal() {
    let interrupt = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => {}
        () = terminate => {}
    }
}
