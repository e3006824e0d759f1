//! A TCP proxy in front of the sync server that cuts connections on purpose: after so many
//! bytes of requests (the server gets half a request) or of answers (the server did the
//! work, the desktop never hears of it), and that can be pointed at another server
//! instance (a restart) while the desktop keeps its address.
use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// Bytes let through before everything is cut; `u64::MAX`: no limit.
#[derive(Debug, Default)]
struct Budget {
    requests: AtomicU64,
    answers: AtomicU64,
}

/// The proxy; it stops with the test's runtime.
pub struct CutProxy {
    address: SocketAddr,
    target: Arc<Mutex<SocketAddr>>,
    budget: Arc<Budget>,
}

impl CutProxy {
    /// A proxy on a free loopback port forwarding to `target`, cutting nothing yet.
    pub async fn start(target: SocketAddr) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let address = listener.local_addr().expect("address");
        let target = Arc::new(Mutex::new(target));
        let budget = Arc::new(Budget {
            requests: AtomicU64::new(u64::MAX),
            answers: AtomicU64::new(u64::MAX),
        });
        let (to, left) = (Arc::clone(&target), Arc::clone(&budget));
        tokio::spawn(async move {
            while let Ok((client, _)) = listener.accept().await {
                let target = *to.lock().expect("target");
                let budget = Arc::clone(&left);
                tokio::spawn(async move {
                    if let Ok(server) = TcpStream::connect(target).await {
                        relay(client, server, budget).await;
                    }
                });
            }
        });
        Self {
            address,
            target,
            budget,
        }
    }

    /// `http://127.0.0.1:<port>`.
    pub fn url(&self) -> String {
        format!("http://{}", self.address)
    }

    /// From now on, at most `bytes` more of requests reach the server.
    pub fn cut_requests_after(&self, bytes: u64) {
        self.budget.requests.store(bytes, Ordering::SeqCst);
    }

    /// From now on, at most `bytes` more of answers reach the desktop.
    pub fn cut_answers_after(&self, bytes: u64) {
        self.budget.answers.store(bytes, Ordering::SeqCst);
    }

    /// Lets everything through again.
    pub fn heal(&self) {
        self.cut_requests_after(u64::MAX);
        self.cut_answers_after(u64::MAX);
    }

    /// New connections go to `target` (another instance of the server).
    pub fn point_at(&self, target: SocketAddr) {
        *self.target.lock().expect("target") = target;
    }
}

/// Copies both ways until either side closes or a budget runs out.
async fn relay(client: TcpStream, server: TcpStream, budget: Arc<Budget>) {
    let (mut client_read, mut client_write) = client.into_split();
    let (mut server_read, mut server_write) = server.into_split();
    let up = {
        let budget = Arc::clone(&budget);
        async move { pump(&mut client_read, &mut server_write, &budget.requests).await }
    };
    let down = async move { pump(&mut server_read, &mut client_write, &budget.answers).await };
    tokio::select! {
        () = up => {}
        () = down => {}
    }
}

async fn pump(
    from: &mut (impl AsyncReadExt + Unpin),
    to: &mut (impl AsyncWriteExt + Unpin),
    budget: &AtomicU64,
) {
    let mut buffer = vec![0_u8; 16 * 1024];
    loop {
        let Ok(read) = from.read(&mut buffer).await else {
            return;
        };
        if read == 0 {
            return;
        }
        let left = budget.load(Ordering::SeqCst);
        let passing = usize::try_from(left).unwrap_or(usize::MAX).min(read);
        if left != u64::MAX {
            budget.fetch_sub(passing as u64, Ordering::SeqCst);
        }
        if passing > 0 && to.write_all(&buffer[..passing]).await.is_err() {
            return;
        }
        if passing < read {
            return;
        }
    }
}
