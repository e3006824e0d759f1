//! Opens a logged-in IMAP session: TCP, then TLS (implicit or STARTTLS) with the system's
//! trusted roots, then LOGIN.
use std::fmt::Debug;
use std::time::Duration;

use async_imap::{Client, Session};
use tokio::io::{AsyncRead, AsyncWrite};
use tokio::net::TcpStream;

use crate::config::{MailboxConfig, Tls};
use crate::error::MailboxError;

/// How long connecting, the TLS handshake and the login may take.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(20);

/// A byte stream an IMAP client can use: plain TCP or TLS over it.
pub trait ImapIo: AsyncRead + AsyncWrite + Unpin + Send + Debug {}
impl<T: AsyncRead + AsyncWrite + Unpin + Send + Debug> ImapIo for T {}

/// A logged-in session over either kind of stream.
pub type ImapSession = Session<Box<dyn ImapIo>>;

/// Connects and logs in, within [`CONNECT_TIMEOUT`].
pub async fn login(config: &MailboxConfig) -> Result<ImapSession, MailboxError> {
    let address = format!("{}:{}", config.host, config.port);
    tokio::time::timeout(CONNECT_TIMEOUT, async {
        let client = open(config).await?;
        client
            .login(&config.user, &config.password)
            .await
            .map_err(|(error, _)| match error {
                async_imap::error::Error::No(text) => MailboxError::WrongPassword(text),
                other => MailboxError::from(other),
            })
    })
    .await
    .map_err(|_| MailboxError::Unreachable(format!("{address} (sem resposta)")))?
}

/// A client past the server's greeting, over the stream `config.tls` asks for.
async fn open(config: &MailboxConfig) -> Result<Client<Box<dyn ImapIo>>, MailboxError> {
    let address = format!("{}:{}", config.host, config.port);
    let unreachable =
        |error: &dyn std::fmt::Display| MailboxError::Unreachable(format!("{address} ({error})"));
    let tcp = TcpStream::connect((config.host.as_str(), config.port))
        .await
        .map_err(|error| unreachable(&error))?;
    match config.tls {
        Tls::None => greeted(Box::new(tcp) as Box<dyn ImapIo>).await,
        Tls::Implicit => {
            let tls = handshake(&config.host, tcp)
                .await
                .map_err(|error| unreachable(&error))?;
            greeted(Box::new(tls) as Box<dyn ImapIo>).await
        }
        Tls::StartTls => {
            let mut client = greeted(tcp).await?;
            client.run_command_and_check_ok("STARTTLS", None).await?;
            let tls = handshake(&config.host, client.into_inner())
                .await
                .map_err(|error| unreachable(&error))?;
            Ok(Client::new(Box::new(tls) as Box<dyn ImapIo>))
        }
    }
}

/// A client over `stream` once the server's greeting has been read.
async fn greeted<S: ImapIo>(stream: S) -> Result<Client<S>, MailboxError> {
    let mut client = Client::new(stream);
    match client.read_response().await {
        Some(Ok(_greeting)) => Ok(client),
        Some(Err(error)) => Err(error.into()),
        None => Err(MailboxError::ConnectionLost(
            "o servidor fechou a conexão".into(),
        )),
    }
}

/// The TLS handshake, checking the certificate against `host`.
async fn handshake(
    host: &str,
    tcp: TcpStream,
) -> Result<tokio_native_tls::TlsStream<TcpStream>, tokio_native_tls::native_tls::Error> {
    let connector = tokio_native_tls::native_tls::TlsConnector::new()?;
    tokio_native_tls::TlsConnector::from(connector)
        .connect(host, tcp)
        .await
}
