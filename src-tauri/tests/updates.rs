//! Signed updates (src/updates.rs): the updater plugin starts from the app's real config
//! (its public key, no address of its own), asks the address an administrator sets for the
//! release it announces, and asks nothing without one. The address is a loopback HTTP
//! server answering a `latest.json`.
use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::sync::mpsc;

use helpdesk_desktop::updates;
use tauri::test::{mock_builder, MockRuntime};
use tauri::{App, Url};

fn app() -> App<MockRuntime> {
    mock_builder()
        .plugin(updates::plugin())
        .build(tauri::generate_context!())
        .expect("the app builds with the updater's config")
}

/// Serves `body` as JSON to one request on a loopback port; answers the address and the
/// request line it got.
fn serve_once(body: String) -> (Url, mpsc::Receiver<String>) {
    let listener = TcpListener::bind("127.0.0.1:0").expect("a loopback port");
    let address = listener.local_addr().expect("its address");
    let (sender, received) = mpsc::channel();
    std::thread::spawn(move || {
        let Ok((stream, _)) = listener.accept() else {
            return;
        };
        let mut reader = BufReader::new(stream);
        let mut request_line = String::new();
        let _ = reader.read_line(&mut request_line);
        let mut header = String::new();
        while reader.read_line(&mut header).is_ok_and(|read| read > 2) {
            header.clear();
        }
        let mut stream = reader.into_inner();
        let _ = write!(
            stream,
            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        );
        let _ = sender.send(request_line);
    });
    let url = format!("http://{address}/atualizacoes/latest.json?de={{{{current_version}}}}");
    (Url::parse(&url).expect("url"), received)
}

fn latest_json(version: &str) -> String {
    let target = format!("{}-{}", std::env::consts::OS, std::env::consts::ARCH);
    serde_json::json!({
        "version": version,
        "notes": "Correções",
        "pub_date": "2026-12-05T18:00:00Z",
        "platforms": {
            target: { "signature": "assinatura", "url": "https://downloads.example/app" }
        }
    })
    .to_string()
}

#[tokio::test(flavor = "multi_thread")]
async fn the_address_an_administrator_sets_is_asked_for_a_newer_release() {
    let app = app();
    let (url, asked) = serve_once(latest_json("99.0.0"));
    let newer = updates::newer_version(app.handle(), Some(url)).await;
    assert_eq!(newer, Ok(Some("99.0.0".to_string())));
    let request = asked.recv().expect("the server was asked");
    assert!(
        request.starts_with(&format!(
            "GET /atualizacoes/latest.json?de={} ",
            env!("CARGO_PKG_VERSION")
        )),
        "{request}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_release_that_is_not_newer_is_no_update() {
    let app = app();
    let (url, _asked) = serve_once(latest_json(env!("CARGO_PKG_VERSION")));
    let newer = updates::newer_version(app.handle(), Some(url)).await;
    assert_eq!(newer, Ok(None));
}

#[tokio::test(flavor = "multi_thread")]
async fn without_an_address_nothing_is_asked() {
    let app = app();
    let newer = updates::newer_version(app.handle(), None).await;
    assert!(newer.is_err(), "the config has no address: {newer:?}");
}

#[test]
fn the_config_holds_the_release_key() {
    let app = app();
    let updater = &app.config().plugins.0["updater"];
    let key = updater["pubkey"].as_str().expect("a public key");
    assert!(key.len() > 100, "{key}");
    assert_eq!(updater["requireSignedVersion"], true);
    assert_eq!(updater["endpoints"], serde_json::json!([]));
}
