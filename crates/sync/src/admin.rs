//! The sync server's administration routes, called with its enrollment token: the support
//! mailboxes it reads (`/v1/mailboxes`) and the portal's integrations (`/v1/integrations`).
//! The server's JSON is read into the core's types (times as Unix ms).
use chrono::{DateTime, Utc};
use helpdesk_core::mailbox::{MailboxSettings, Tls};
use helpdesk_core::server_admin::{
    CreatedIntegration, IntegrationSummary, MailboxSummary, ServerToken, WatcherStatus,
};
use reqwest::Method;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::client::json;
use crate::{ClientConfig, SyncClient, SyncError};

/// The server's administrator, at one address. Not `Debug`: it carries the token.
#[derive(Clone)]
pub struct AdminClient {
    client: SyncClient,
    base: String,
}

impl AdminClient {
    /// A client of the server at `server_url` sending `token` with each request.
    pub fn new(
        server_url: &str,
        token: &ServerToken,
        config: &ClientConfig,
    ) -> Result<Self, SyncError> {
        Ok(Self {
            client: SyncClient::new(server_url, Some(token.secret().to_owned()), config)?,
            base: server_url.trim_end_matches('/').to_owned(),
        })
    }

    /// `GET /v1/mailboxes`: every mailbox with its reader's status, the oldest first.
    pub async fn mailboxes(&self) -> Result<Vec<MailboxSummary>, SyncError> {
        let listed: Vec<WireMailbox> = self.call(Method::GET, "/v1/mailboxes", None::<&()>).await?;
        listed.into_iter().map(WireMailbox::read).collect()
    }

    /// `POST /v1/mailboxes`: a new enabled mailbox.
    pub async fn create_mailbox(
        &self,
        settings: &MailboxSettings,
        password: &str,
    ) -> Result<MailboxSummary, SyncError> {
        let body = MailboxBody::of(settings, password);
        let created: WireMailbox = self
            .call(Method::POST, "/v1/mailboxes", Some(&body))
            .await?;
        created.read()
    }

    /// `PUT /v1/mailboxes/{id}`: new settings; an empty `password` keeps the stored one.
    pub async fn update_mailbox(
        &self,
        id: Uuid,
        settings: &MailboxSettings,
        password: &str,
    ) -> Result<MailboxSummary, SyncError> {
        let body = MailboxBody::of(settings, password);
        let path = format!("/v1/mailboxes/{id}");
        let changed: WireMailbox = self.call(Method::PUT, &path, Some(&body)).await?;
        changed.read()
    }

    /// `POST /v1/mailboxes/{id}/enable` or `/disable`.
    pub async fn set_mailbox_enabled(
        &self,
        id: Uuid,
        enabled: bool,
    ) -> Result<MailboxSummary, SyncError> {
        let action = if enabled { "enable" } else { "disable" };
        let path = format!("/v1/mailboxes/{id}/{action}");
        let changed: WireMailbox = self.call(Method::POST, &path, None::<&()>).await?;
        changed.read()
    }

    /// `GET /v1/integrations`: every integration, the newest first.
    pub async fn integrations(&self) -> Result<Vec<IntegrationSummary>, SyncError> {
        let listed: Vec<WireIntegration> = self
            .call(Method::GET, "/v1/integrations", None::<&()>)
            .await?;
        Ok(listed
            .into_iter()
            .map(|wire| wire.read(&self.base))
            .collect())
    }

    /// `POST /v1/integrations`: a new integration and its key (answered only now).
    pub async fn create_integration(&self, name: &str) -> Result<CreatedIntegration, SyncError> {
        let body = IntegrationBody { name };
        let created: WireCreated = self
            .call(Method::POST, "/v1/integrations", Some(&body))
            .await?;
        Ok(CreatedIntegration {
            integration: created.integration.read(&self.base),
            key: created.key,
        })
    }

    /// `POST /v1/integrations/{id}/revoke`: its key is refused from now on.
    pub async fn revoke_integration(&self, id: Uuid) -> Result<IntegrationSummary, SyncError> {
        let path = format!("/v1/integrations/{id}/revoke");
        let revoked: WireIntegration = self.call(Method::POST, &path, None::<&()>).await?;
        Ok(revoked.read(&self.base))
    }

    async fn call<B: Serialize, T: serde::de::DeserializeOwned>(
        &self,
        method: Method,
        path: &str,
        body: Option<&B>,
    ) -> Result<T, SyncError> {
        let request = self.client.request(method, path);
        let request = match body {
            Some(body) => request.json(body),
            None => request,
        };
        json(self.client.send(request).await?).await
    }
}

/// The body of `POST /v1/mailboxes` and `PUT /v1/mailboxes/{id}`. Not `Debug`: it carries
/// the password.
#[derive(Serialize)]
struct MailboxBody<'a> {
    host: &'a str,
    port: u16,
    tls: &'static str,
    login: &'a str,
    password: &'a str,
    folder: &'a str,
    move_handled_to: Option<&'a str>,
}

impl<'a> MailboxBody<'a> {
    fn of(settings: &'a MailboxSettings, password: &'a str) -> Self {
        Self {
            host: &settings.host,
            port: settings.port,
            tls: settings.tls.code(),
            login: &settings.login,
            password,
            folder: &settings.folder,
            move_handled_to: settings.move_handled_to.as_deref(),
        }
    }
}

/// A mailbox as the server answers it.
#[derive(Deserialize)]
struct WireMailbox {
    id: Uuid,
    host: String,
    port: i32,
    tls: String,
    login: String,
    folder: String,
    move_handled_to: Option<String>,
    enabled: bool,
    status: String,
    status_detail: String,
    status_at: Option<DateTime<Utc>>,
}

impl WireMailbox {
    fn read(self) -> Result<MailboxSummary, SyncError> {
        let unreadable = |what: &str| SyncError::BadAnswer(format!("mailbox {}: {what}", self.id));
        let port = u16::try_from(self.port).map_err(|_| unreadable("port"))?;
        let tls = Tls::parse(&self.tls).ok_or_else(|| unreadable("tls"))?;
        Ok(MailboxSummary {
            id: self.id,
            settings: MailboxSettings {
                host: self.host,
                port,
                tls,
                login: self.login,
                folder: self.folder,
                move_handled_to: self.move_handled_to,
            },
            enabled: self.enabled,
            status: WatcherStatus::from_code(&self.status),
            status_detail: self.status_detail,
            status_at: self.status_at.map(|at| at.timestamp_millis()),
        })
    }
}

/// The body of `POST /v1/integrations`.
#[derive(Serialize)]
struct IntegrationBody<'a> {
    name: &'a str,
}

/// An integration as the server answers it; `last_used_at` and `form_path` only when it
/// says them.
#[derive(Deserialize)]
struct WireIntegration {
    id: Uuid,
    name: String,
    created_at: DateTime<Utc>,
    revoked_at: Option<DateTime<Utc>>,
    #[serde(default)]
    last_used_at: Option<DateTime<Utc>>,
    /// The path of its public form page on the server (e.g. `/formulario/…`).
    #[serde(default)]
    form_path: Option<String>,
}

impl WireIntegration {
    /// The summary, its form's path made a full address on the server at `base`.
    fn read(self, base: &str) -> IntegrationSummary {
        let form_url = self.form_path.filter(|path| !path.is_empty()).map(|path| {
            if path.starts_with("https://") || path.starts_with("http://") {
                path
            } else {
                format!("{base}/{}", path.trim_start_matches('/'))
            }
        });
        IntegrationSummary {
            id: self.id,
            name: self.name,
            created_at: self.created_at.timestamp_millis(),
            revoked_at: self.revoked_at.map(|at| at.timestamp_millis()),
            last_used_at: self.last_used_at.map(|at| at.timestamp_millis()),
            form_url,
        }
    }
}

/// What `POST /v1/integrations` answers. Not `Debug`: it carries the key.
#[derive(Deserialize)]
struct WireCreated {
    integration: WireIntegration,
    key: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn integration(extra: &str) -> IntegrationSummary {
        let text = format!(
            r#"{{"id": "0193a000-0000-7000-8000-000000000001", "name": "Site",
                "created_at": "2026-12-05T01:00:00Z", "revoked_at": null{extra}}}"#
        );
        serde_json::from_str::<WireIntegration>(&text)
            .expect("reads")
            .read("https://sync.provedor.com.br")
    }

    #[test]
    fn an_integration_reads_with_or_without_its_form_and_last_use() {
        let plain = integration("");
        assert_eq!((plain.form_url, plain.last_used_at), (None, None));
        let with_form = integration(r#", "form_path": "/formulario/abc", "last_used_at": null"#);
        assert_eq!(
            with_form.form_url.as_deref(),
            Some("https://sync.provedor.com.br/formulario/abc")
        );
        assert_eq!(with_form.created_at, 1_796_432_400_000);
    }
}
