//! A loopback TCP proxy in front of the test Dovecot that cuts its first connection after
//! a given number of bytes from the server: a connection dropped in the middle of a
//! response, at a point the test chooses. Later connections pass everything.
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::task::JoinHandle;

/// The running proxy; stops accepting when dropped.
pub struct CuttingProxy {
    /// The port to connect to instead of the server's.
    pub port: u16,
    connections: Arc<AtomicUsize>,
    task: JoinHandle<()>,
}

impl CuttingProxy {
    /// Proxies 127.0.0.1:`server_port`, cutting the first connection once `cut_after`
    /// bytes of the server's answers reached the client.
    pub async fn start(server_port: u16, cut_after: usize) -> CuttingProxy {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bound");
        let port = listener.local_addr().expect("address").port();
        let connections = Arc::new(AtomicUsize::new(0));
        let counter = connections.clone();
        let task = tokio::spawn(async move {
            while let Ok((client, _)) = listener.accept().await {
                let first = counter.fetch_add(1, Ordering::SeqCst) == 0;
                let server = TcpStream::connect(("127.0.0.1", server_port))
                    .await
                    .expect("server reached");
                tokio::spawn(relay(client, server, first.then_some(cut_after)));
            }
        });
        CuttingProxy {
            port,
            connections,
            task,
        }
    }

    /// How many connections the proxy accepted.
    pub fn connections(&self) -> usize {
        self.connections.load(Ordering::SeqCst)
    }
}

impl Drop for CuttingProxy {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// Relays both ways; with `cut`, closes both sides once that many bytes went to the client.
async fn relay(client: TcpStream, server: TcpStream, cut: Option<usize>) {
    let (mut client_read, mut client_write) = client.into_split();
    let (mut server_read, mut server_write) = server.into_split();
    let upstream = tokio::spawn(async move {
        let _ = tokio::io::copy(&mut client_read, &mut server_write).await;
    });
    let mut left = cut.unwrap_or(usize::MAX);
    let mut buffer = vec![0u8; 16 << 10];
    while left > 0 {
        let read = match server_read.read(&mut buffer).await {
            Ok(0) | Err(_) => break,
            Ok(read) => read.min(left),
        };
        if client_write.write_all(&buffer[..read]).await.is_err() {
            break;
        }
        left -= read;
    }
    upstream.abort();
}
