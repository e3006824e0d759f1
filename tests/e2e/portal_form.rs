//! The server's public form page in a real browser (WebKitGTK's MiniBrowser, the engine of
//! the app's window on Linux): a customer sends a message with a wrong e-mail and no
//! subject, reads each error at its field with what they typed still there, corrects it,
//! attaches a photo and sends it; the message and its file are on the sync server for the
//! desktops to pull.
use helpdesk_e2e::Harness;
use helpdesk_server::test_postgres::PgServer;
use helpdesk_server::Config;
use serde_json::{json, Value};

const TOKEN: &str = "token-do-administrador-e2e";
const TEXT: &str = "A luz LOS do roteador está vermelha desde cedo.";

/// What the sync server holds of its support messages: (subject, files' names).
async fn stored(database_url: &str) -> Vec<(String, Vec<String>)> {
    let pool = sqlx::PgPool::connect(database_url)
        .await
        .expect("server database");
    let rows: Vec<(Value, Vec<Value>)> = sqlx::query_as(
        "SELECT m.fields->'subject'->'value'->'v',
                COALESCE(array_agg(a.fields->'file_name'->'value'->'v')
                             FILTER (WHERE a.row_id IS NOT NULL), '{}')
         FROM sync_rows m
         LEFT JOIN sync_rows a ON a.table_name = 'support_message_attachments'
              AND a.fields->'message_id'->'value'->>'v' = replace(m.row_id::text, '-', '')
         WHERE m.table_name = 'support_messages'
         GROUP BY m.row_id, m.fields",
    )
    .fetch_all(&pool)
    .await
    .expect("messages");
    pool.close().await;
    rows.into_iter()
        .map(|(subject, files)| {
            let text = |value: &Value| value.as_str().unwrap_or_default().to_owned();
            (text(&subject), files.iter().map(text).collect())
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_customer_sends_a_message_with_a_photo_from_the_form_page() {
    let postgres = PgServer::shared().expect("PostgreSQL starts (run scripts/setup.sh test)");
    let database_url = postgres.fresh_database().await.expect("a database");
    let config = Config {
        listen: "127.0.0.1:0".parse().expect("address"),
        ..Config::local(&database_url, TOKEN)
    };
    let server = helpdesk_server::spawn(config)
        .await
        .expect("the sync server starts");
    let created: Value = reqwest::Client::new()
        .post(format!("{}/v1/integrations", server.url()))
        .bearer_auth(TOKEN)
        .json(&json!({ "name": "Site do provedor" }))
        .send()
        .await
        .expect("integration created")
        .json()
        .await
        .expect("its JSON");
    let form_path = created["integration"]["form_path"]
        .as_str()
        .expect("a form");
    let form_url = format!("{}{form_path}", server.url());

    let dir = tempfile::tempdir().expect("temp dir");
    let photo = dir.path().join("luzes do roteador.png");
    std::fs::write(&photo, b"\x89PNG\r\n\x1a\n foto").expect("photo");

    let browser = Harness::browser("portal_form").await;
    browser
        .run(async |page: &mut Harness| {
            page.client
                .goto(&form_url)
                .await
                .map_err(|error| format!("open the form: {error}"))?;
            page.text_at("h1", "Fale com o suporte").await?;
            page.fill("input#name", "Maria Silva").await?;
            page.fill("input#email", "maria@").await?;
            page.fill("input#document", "123.456.789-09").await?;
            page.fill("textarea#text", TEXT).await?;
            page.click("button[type=submit]").await?;

            page.text_at("#subject-erro", "Preencha o assunto.").await?;
            page.text_at("#email-erro", "maria@").await?;
            page.expect_value("input#name", "Maria Silva").await?;
            page.expect_value("textarea#text", TEXT).await?;
            page.fill("input#email", "maria@example.com").await?;
            page.fill("input#subject", "Sem internet").await?;
            page.element("input#attachments")
                .await?
                .send_keys(&photo.display().to_string())
                .await
                .map_err(|error| format!("choose the photo: {error}"))?;
            page.click("button[type=submit]").await?;

            page.text_at("h1", "Mensagem recebida").await?;
            page.text_at("main", "respondida pelo e-mail informado")
                .await?;
            Ok(())
        })
        .await;

    assert_eq!(
        stored(&database_url).await,
        [(
            "Sem internet".to_owned(),
            vec!["luzes do roteador.png".to_owned()]
        )]
    );
}
