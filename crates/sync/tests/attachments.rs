//! Attachments travel as content-addressed blobs: a file attached on one desktop reaches
//! the server before its row does, and another desktop gets it byte for byte.
mod common;

use common::desk::{new_ticket, shared};
use common::{assert_same, Central, Desktop};
use helpdesk_core::attachment::DEFAULT_MAX_BYTES;
use helpdesk_demo::DemoConfig;

const DEMO: DemoConfig = DemoConfig {
    seed: 23,
    customers: 40,
    messages: 10,
};

#[tokio::test(flavor = "multi_thread")]
async fn a_file_attached_on_one_desktop_reaches_another_byte_for_byte() {
    let central = Central::start().await;
    let a = Desktop::with_demo(&DEMO).await;
    a.register(&central, "Loja Centro").await;
    let content: Vec<u8> = (0..300_000_u32).map(|at| (at * 7 % 251) as u8).collect();
    let picked = a.folder().join("laudo técnico.pdf");
    std::fs::write(&picked, &content).expect("file");
    let attachment = a.files.store(&picked, DEFAULT_MAX_BYTES).expect("stored");
    let shared = shared(&a.store).await;
    new_ticket(
        &a.store,
        &shared,
        "Laudo da visita",
        None,
        vec![attachment.clone()],
    )
    .await;
    let pushed = a.sync().await;
    assert_eq!(pushed.blobs_sent, 1);

    let on_server = reqwest::Client::new()
        .get(format!(
            "{}/v1/blobs/{}",
            central.url(),
            attachment.content_hash
        ))
        .bearer_auth(a.client_credential().await)
        .send()
        .await
        .expect("blob")
        .bytes()
        .await
        .expect("bytes");
    assert_eq!(on_server.as_ref(), content.as_slice());

    let b = Desktop::new().await;
    b.register(&central, "Loja Norte").await;
    let pulled = b.sync().await;
    assert_eq!(pulled.blobs_received, 1);
    let kept = b.files.path_of(&attachment.content_hash).expect("a hash");
    assert_eq!(std::fs::read(kept).expect("the file on B"), content);
    assert_same(&a.rows().await, &b.rows().await, "A and B");
    // Sending again moves no blob: the server has it, and so has B.
    assert_eq!(a.sync().await.blobs_sent, 0);
    assert_eq!(b.sync().await.blobs_received, 0);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_file_the_server_lacks_does_not_stop_the_pull_and_is_fetched_later() {
    let central = Central::start().await;
    let a = Desktop::with_demo(&DEMO).await;
    a.register(&central, "Loja Centro").await;
    let content = b"laudo da visita".repeat(100);
    let picked = a.folder().join("laudo.pdf");
    std::fs::write(&picked, &content).expect("file");
    let attachment = a.files.store(&picked, DEFAULT_MAX_BYTES).expect("stored");
    let shared = shared(&a.store).await;
    new_ticket(&a.store, &shared, "Laudo", None, vec![attachment.clone()]).await;
    a.sync().await;
    // The server loses the file (a restore from an old backup, say).
    let pool = sqlx::PgPool::connect(&central.database_url)
        .await
        .expect("connect");
    sqlx::query("DELETE FROM blobs WHERE hash = $1")
        .bind(&attachment.content_hash)
        .execute(&pool)
        .await
        .expect("blob deleted");
    pool.close().await;

    let b = Desktop::new().await;
    b.register(&central, "Loja Norte").await;
    let pulled = b.try_sync().await.expect("a missing file is no wall");
    assert_eq!(pulled.blobs_received, 0);
    assert!(!b.files.contains(&attachment.content_hash));
    assert_same(&a.rows().await, &b.rows().await, "A and B");
    assert_eq!(b.sync().await.blobs_received, 0, "still missing");

    // The file reaches the server again: the next exchange fetches it.
    let content_again =
        std::fs::read(a.files.path_of(&attachment.content_hash).expect("path")).expect("A's copy");
    a.client()
        .await
        .put_blob(&attachment.content_hash, content_again)
        .await
        .expect("uploaded again");
    assert_eq!(b.sync().await.blobs_received, 1);
    let kept = b.files.path_of(&attachment.content_hash).expect("a hash");
    assert_eq!(std::fs::read(kept).expect("the file on B"), content);
    assert_eq!(b.sync().await.blobs_received, 0);
}
