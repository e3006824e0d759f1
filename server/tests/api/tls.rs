use std::sync::Arc;

use helpdesk_server::test_postgres::PgServer;
use helpdesk_server::{Config, TlsPaths};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio_rustls::rustls::pki_types::ServerName;
use tokio_rustls::rustls::{ClientConfig, RootCertStore};
use tokio_rustls::TlsConnector;

use crate::common::TOKEN;

#[tokio::test]
async fn the_server_speaks_https_with_the_configured_certificate() {
    let certified =
        rcgen::generate_simple_self_signed(vec!["localhost".to_owned()]).expect("certificate");
    let dir = std::env::temp_dir().join(format!("helpdesk-tls-{}", uuid::Uuid::now_v7()));
    std::fs::create_dir(&dir).expect("dir");
    let paths = TlsPaths {
        cert: dir.join("cert.pem"),
        key: dir.join("key.pem"),
    };
    std::fs::write(&paths.cert, certified.cert.pem()).expect("cert");
    std::fs::write(&paths.key, certified.signing_key.serialize_pem()).expect("key");

    let postgres = PgServer::shared().expect("PostgreSQL");
    let url = postgres.fresh_database().await.expect("database");
    let mut config = Config::local(url, TOKEN);
    config.tls = Some(paths);
    let server = helpdesk_server::spawn(config).await.expect("server");
    std::fs::remove_dir_all(&dir).expect("cleanup");
    assert!(server.url().starts_with("https://"));

    let mut roots = RootCertStore::empty();
    roots.add(certified.cert.der().clone()).expect("root");
    let provider = Arc::new(tokio_rustls::rustls::crypto::ring::default_provider());
    let client = ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .expect("versions")
        .with_root_certificates(roots)
        .with_no_client_auth();
    let stream = TcpStream::connect(server.local_addr())
        .await
        .expect("connect");
    let name = ServerName::try_from("localhost").expect("name");
    let mut tls = TlsConnector::from(Arc::new(client))
        .connect(name, stream)
        .await
        .expect("handshake");
    tls.write_all(b"GET /health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
        .await
        .expect("request");
    let mut response = Vec::new();
    let mut chunk = [0u8; 4096];
    loop {
        match tls.read(&mut chunk).await {
            Ok(0) => break,
            Ok(read) => response.extend_from_slice(&chunk[..read]),
            Err(error) if error.kind() == std::io::ErrorKind::UnexpectedEof => break,
            Err(error) => panic!("read: {error}"),
        }
    }
    let response = String::from_utf8_lossy(&response);
    assert!(response.starts_with("HTTP/1.1 200"), "{response}");
    assert!(response.ends_with(r#"{"status":"ok"}"#), "{response}");
}
