//! The HTTP calls to the sync server (JSON; blobs as raw bytes).
use std::time::Duration;

use helpdesk_core::sync::{
    PullCursor, PullRequest, PullResponse, PushRequest, PushResponse, RegistrationRequest,
    RegistrationResponse, SnapshotChunk, SnapshotManifest, SyncErrorBody, SyncRow,
};
use reqwest::{Certificate, Method, RequestBuilder, Response};
use uuid::Uuid;

use crate::SyncError;

/// How the client connects.
#[derive(Debug, Clone)]
pub struct ClientConfig {
    /// The limit of each request.
    pub timeout: Duration,
    /// A PEM certificate authority trusted besides the system's (a server with its own).
    pub extra_root_pem: Option<Vec<u8>>,
}

impl Default for ClientConfig {
    fn default() -> Self {
        Self {
            timeout: Duration::from_secs(60),
            extra_root_pem: None,
        }
    }
}

/// A connection to the sync server at one address, as one device (or none, to register), or
/// as its administrator ([`crate::AdminClient`]). Its `Debug` leaves the credential out.
#[derive(Clone)]
pub struct SyncClient {
    http: reqwest::Client,
    base: String,
    credential: Option<String>,
}

impl std::fmt::Debug for SyncClient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SyncClient")
            .field("base", &self.base)
            .field("credential", &self.credential.as_ref().map(|_| "…"))
            .finish()
    }
}

impl SyncClient {
    /// A client of the server at `base_url` (`https://…`), sending `credential` if given.
    pub fn new(
        base_url: &str,
        credential: Option<String>,
        config: &ClientConfig,
    ) -> Result<Self, SyncError> {
        let mut builder = reqwest::Client::builder().timeout(config.timeout);
        if let Some(pem) = &config.extra_root_pem {
            let authority = Certificate::from_pem(pem).map_err(|error| {
                SyncError::Unreachable(format!("certificate authority: {error}"))
            })?;
            builder = builder.add_root_certificate(authority);
        }
        let http = builder
            .build()
            .map_err(|error| SyncError::Unreachable(error.to_string()))?;
        Ok(Self {
            http,
            base: base_url.trim_end_matches('/').to_owned(),
            credential,
        })
    }

    /// Joins the server as a new device.
    pub async fn register(
        &self,
        request: &RegistrationRequest,
    ) -> Result<RegistrationResponse, SyncError> {
        json(
            self.send(self.request(Method::POST, "/v1/devices").json(request))
                .await?,
        )
        .await
    }

    /// Sends local changes.
    pub async fn push(&self, rows: Vec<SyncRow>) -> Result<PushResponse, SyncError> {
        let body = PushRequest { rows };
        json(
            self.send(self.request(Method::POST, "/v1/push").json(&body))
                .await?,
        )
        .await
    }

    /// The rows changed after `after`, at most `limit`.
    pub async fn pull(&self, after: PullCursor, limit: u32) -> Result<PullResponse, SyncError> {
        let body = PullRequest { after, limit };
        json(
            self.send(self.request(Method::POST, "/v1/pull").json(&body))
                .await?,
        )
        .await
    }

    /// The latest snapshot the server prepared for a first sync; `None` if it has none.
    pub async fn snapshot(&self) -> Result<Option<SnapshotManifest>, SyncError> {
        match self.send(self.request(Method::GET, "/v1/snapshot")).await {
            Ok(response) => json(response).await.map(Some),
            Err(error) if error.is_no_snapshot() => Ok(None),
            Err(error) => Err(error),
        }
    }

    /// Chunk `number` of snapshot `id` (sent compressed, read here whole and parsed off the
    /// runtime's threads); `None` if the server no longer has that snapshot.
    pub async fn snapshot_chunk(
        &self,
        id: Uuid,
        number: u32,
    ) -> Result<Option<SnapshotChunk>, SyncError> {
        let path = format!("/v1/snapshot/{id}/{number}");
        let response = match self.send(self.request(Method::GET, &path)).await {
            Ok(response) => response,
            Err(error) if error.is_no_snapshot() => return Ok(None),
            Err(error) => return Err(error),
        };
        let body = response
            .bytes()
            .await
            .map_err(|error| SyncError::Unreachable(error.to_string()))?;
        let parsed = tokio::task::spawn_blocking(move || serde_json::from_slice(&body))
            .await
            .map_err(|error| SyncError::BadAnswer(error.to_string()))?;
        parsed
            .map(Some)
            .map_err(|error| SyncError::BadAnswer(error.to_string()))
    }

    /// Which of `hashes` the server lacks.
    pub async fn missing_blobs(&self, hashes: &[String]) -> Result<Vec<String>, SyncError> {
        let request = self.request(Method::POST, "/v1/blobs/missing").json(hashes);
        json(self.send(request).await?).await
    }

    /// Uploads the content of `hash`.
    pub async fn put_blob(&self, hash: &str, content: Vec<u8>) -> Result<(), SyncError> {
        let path = format!("/v1/blobs/{hash}");
        self.send(self.request(Method::PUT, &path).body(content))
            .await
            .map(drop)
    }

    /// Downloads the content of `hash`.
    pub async fn get_blob(&self, hash: &str) -> Result<Vec<u8>, SyncError> {
        let path = format!("/v1/blobs/{hash}");
        let response = self.send(self.request(Method::GET, &path)).await?;
        let bytes = response
            .bytes()
            .await
            .map_err(|error| SyncError::Unreachable(error.to_string()))?;
        Ok(bytes.to_vec())
    }

    /// A request to `path` with the credential, if any.
    pub(crate) fn request(&self, method: Method, path: &str) -> RequestBuilder {
        let request = self.http.request(method, format!("{}{path}", self.base));
        match &self.credential {
            Some(credential) => request.bearer_auth(credential),
            None => request,
        }
    }

    /// Sends `request`; an error status becomes [`SyncError::Refused`] with the server's words.
    pub(crate) async fn send(&self, request: RequestBuilder) -> Result<Response, SyncError> {
        let response = request
            .send()
            .await
            .map_err(|error| SyncError::Unreachable(error.to_string()))?;
        let status = response.status();
        if status.is_success() {
            return Ok(response);
        }
        let text = response.text().await.unwrap_or_default();
        let body: Option<SyncErrorBody> = serde_json::from_str(&text).ok();
        Err(match body {
            Some(body) => SyncError::Refused {
                status: status.as_u16(),
                code: body.code,
                message: body.message,
            },
            None => SyncError::Refused {
                status: status.as_u16(),
                code: "http".into(),
                message: format!(
                    "O servidor de sincronização recusou o pedido (HTTP {}).",
                    status.as_u16()
                ),
            },
        })
    }
}

/// The body read whole (a connection cut midway is [`SyncError::Unreachable`]), then parsed
/// (a body that arrived but does not read is [`SyncError::BadAnswer`]).
pub(crate) async fn json<T: serde::de::DeserializeOwned>(
    response: Response,
) -> Result<T, SyncError> {
    let body = response
        .bytes()
        .await
        .map_err(|error| SyncError::Unreachable(error.to_string()))?;
    serde_json::from_slice(&body).map_err(|error| SyncError::BadAnswer(error.to_string()))
}
