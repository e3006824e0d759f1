//! The harness of these tests: a fresh database on the binary's PostgreSQL and a server on
//! a free loopback port for each test, and a client speaking the sync protocol.
use helpdesk_core::sync::{
    DesktopProfile, FieldValue, FieldVersion, PullCursor, PullRequest, PullResponse, PushRequest,
    PushResponse, RegistrationRequest, RegistrationResponse, SyncRow, Version,
};
use helpdesk_server::test_postgres::PgServer;
use helpdesk_server::{Config, RunningServer};
use reqwest::{Method, StatusCode};
use serde::Serialize;
use serde_json::Value;
use sqlx::PgPool;
use uuid::Uuid;

/// The administrator's enrollment token of every test server.
pub const TOKEN: &str = "token-de-cadastro-para-testes";

/// A server over a database of its own.
pub struct TestApp {
    pub server: RunningServer,
    pub client: reqwest::Client,
    /// A pool on the server's database, to look behind the API.
    pub pool: PgPool,
    pub database_url: String,
}

impl TestApp {
    /// A server with the default settings.
    pub async fn start() -> TestApp {
        TestApp::start_with(|_| {}).await
    }

    /// A server with settings adjusted by `adjust`.
    pub async fn start_with(adjust: impl FnOnce(&mut Config)) -> TestApp {
        let postgres = PgServer::shared().expect("PostgreSQL starts");
        let url = postgres.fresh_database().await.expect("database created");
        TestApp::on_database(url, adjust).await
    }

    /// A server on the database at `url` (made and filled elsewhere: restored from a dump,
    /// say), its settings adjusted by `adjust`.
    pub async fn on_database(url: String, adjust: impl FnOnce(&mut Config)) -> TestApp {
        let mut config = Config::local(url.clone(), TOKEN);
        config.max_db_connections = 5;
        adjust(&mut config);
        let server = helpdesk_server::spawn(config).await.expect("server starts");
        let pool = PgPool::connect(&url).await.expect("test pool");
        TestApp {
            server,
            client: reqwest::Client::new(),
            pool,
            database_url: url,
        }
    }

    /// The full URL of `path`.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.server.url())
    }

    /// Sends a request with an optional bearer token and JSON body; answers the status
    /// and the JSON body (`Null` when the body is not JSON).
    pub async fn call(
        &self,
        method: Method,
        path: &str,
        bearer: Option<&str>,
        body: Option<&impl Serialize>,
    ) -> (StatusCode, Value) {
        let mut request = self.client.request(method, self.url(path));
        if let Some(bearer) = bearer {
            request = request.bearer_auth(bearer);
        }
        if let Some(body) = body {
            request = request.json(body);
        }
        let response = request.send().await.expect("request sent");
        let status = response.status();
        let bytes = response.bytes().await.expect("body read");
        (
            status,
            serde_json::from_slice(&bytes).unwrap_or(Value::Null),
        )
    }

    /// `GET path`.
    pub async fn get(&self, path: &str, bearer: Option<&str>) -> (StatusCode, Value) {
        self.call(Method::GET, path, bearer, None::<&()>).await
    }

    /// `POST path` with a JSON body.
    pub async fn post(
        &self,
        path: &str,
        bearer: Option<&str>,
        body: &impl Serialize,
    ) -> (StatusCode, Value) {
        self.call(Method::POST, path, bearer, Some(body)).await
    }

    /// Registers an administration desktop named `name` that issued `protocols`; panics
    /// unless created.
    pub async fn register(&self, name: &str, protocols: &[&str]) -> RegistrationResponse {
        self.register_as(name, DesktopProfile::Administration, protocols)
            .await
    }

    /// Registers a desktop of `profile`; panics unless created.
    pub async fn register_as(
        &self,
        name: &str,
        profile: DesktopProfile,
        protocols: &[&str],
    ) -> RegistrationResponse {
        let request = RegistrationRequest {
            profile,
            ..registration(name, protocols)
        };
        let (status, body) = self.post("/v1/devices", None, &request).await;
        assert_eq!(status, StatusCode::CREATED, "{body}");
        serde_json::from_value(body).expect("registration response")
    }

    /// Pushes `rows`; panics unless accepted.
    pub async fn push(&self, credential: &str, rows: Vec<SyncRow>) -> PushResponse {
        let (status, body) = self
            .post("/v1/push", Some(credential), &PushRequest { rows })
            .await;
        assert_eq!(status, StatusCode::OK, "{body}");
        serde_json::from_value(body).expect("push response")
    }

    /// Pulls after `after`; panics unless answered.
    pub async fn pull(&self, credential: &str, after: PullCursor, limit: u32) -> PullResponse {
        let (status, body) = self
            .post("/v1/pull", Some(credential), &PullRequest { after, limit })
            .await;
        assert_eq!(status, StatusCode::OK, "{body}");
        serde_json::from_value(body).expect("pull response")
    }

    /// Waits until pulls see every write committed so far
    /// ([`helpdesk_server::test_postgres::settle`]).
    pub async fn settle(&self) {
        helpdesk_server::test_postgres::settle(&self.database_url)
            .await
            .expect("settled");
    }

    /// Pulls everything from the start, page after page, once [`TestApp::settle`]d.
    pub async fn pull_all(&self, credential: &str) -> Vec<SyncRow> {
        self.settle().await;
        let mut rows = Vec::new();
        let mut cursor = PullCursor::default();
        loop {
            let page = self.pull(credential, cursor, 1000).await;
            rows.extend(page.rows);
            cursor = page.cursor;
            if !page.more {
                return rows;
            }
        }
    }

    /// How many rows `sql` (a `SELECT count(*)`) counts.
    pub async fn count(&self, sql: &str) -> i64 {
        sqlx::query_scalar(sql)
            .fetch_one(&self.pool)
            .await
            .expect("count")
    }
}

/// An administration desktop's registration with the right token.
pub fn registration(name: &str, protocols: &[&str]) -> RegistrationRequest {
    RegistrationRequest {
        enrollment_token: TOKEN.into(),
        name: name.into(),
        profile: DesktopProfile::Administration,
        issued_protocols: protocols
            .iter()
            .map(|protocol| (*protocol).to_owned())
            .collect(),
        origin: None,
    }
}

/// Asserts an error answer: its status, its code, and a pt-BR message.
pub fn assert_error(answer: &(StatusCode, Value), status: StatusCode, code: &str) {
    let (actual, body) = answer;
    assert_eq!(*actual, status, "{body}");
    assert_eq!(body["code"], code, "{body}");
    let message = body["message"].as_str().expect("message");
    assert!(!message.is_empty(), "{body}");
}

/// Asserts that `answer` refused exactly the rows `expected` ((table, id, code) each), each
/// with a pt-BR message naming the row.
pub fn assert_refused(answer: &PushResponse, expected: &[(&str, Uuid, &str)]) {
    let refused: Vec<(&str, Uuid, &str)> = answer
        .refused
        .iter()
        .map(|row| (row.table.as_str(), row.id, row.code.as_str()))
        .collect();
    assert_eq!(refused, expected, "{answer:?}");
    for row in &answer.refused {
        assert!(
            row.message.contains(&row.id.to_string()) && row.message.contains("não foi gravada"),
            "{row:?}"
        );
    }
}

/// The device id in a credential.
pub fn device_of(credential: &str) -> Uuid {
    let (id, _) = credential.split_once('.').expect("credential");
    Uuid::parse_str(id).expect("device id")
}

/// A row of `table` whose fields are (column, value, stamp) written by `origin`.
pub fn row(table: &str, id: Uuid, origin: Uuid, fields: &[(&str, FieldValue, i64)]) -> SyncRow {
    SyncRow {
        table: table.into(),
        id,
        fields: fields
            .iter()
            .map(|(column, value, stamp)| {
                let field = FieldVersion {
                    value: value.clone(),
                    version: Version {
                        stamp: *stamp,
                        origin,
                    },
                };
                ((*column).to_owned(), field)
            })
            .collect(),
    }
}

/// A role named `name` (the smallest syncable row).
pub fn role(id: Uuid, origin: Uuid, name: &str, stamp: i64) -> SyncRow {
    row(
        "roles",
        id,
        origin,
        &[
            ("name", text(name), stamp),
            ("deleted", FieldValue::Integer(0), stamp),
        ],
    )
}

/// A ticket carrying `protocol`.
pub fn ticket(id: Uuid, origin: Uuid, protocol: &str, status: &str, stamp: i64) -> SyncRow {
    row(
        "tickets",
        id,
        origin,
        &[
            ("protocol", text(protocol), stamp),
            ("status", text(status), stamp),
            ("customer_id", FieldValue::Blob(vec![7; 16]), stamp),
        ],
    )
}

/// A text value.
pub fn text(value: &str) -> FieldValue {
    FieldValue::Text(value.into())
}
