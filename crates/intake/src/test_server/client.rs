//! The tests' own IMAP look at the mailbox, with the crate's client: delivering mail,
//! making folders, searching.
use crate::config::MailboxConfig;
use crate::connect::login;
use crate::error::MailboxError;
use crate::folder::encode_folder_name;

/// A client of the test server's mailbox; it does not borrow the server.
#[derive(Debug, Clone)]
pub struct TestClient {
    pub(super) config: MailboxConfig,
}

impl TestClient {
    /// Delivers `raw` to `folder` (APPEND), unseen.
    pub async fn deliver_to(&self, folder: &str, raw: &[u8]) -> Result<(), MailboxError> {
        let mut session = login(&self.config).await?;
        session
            .append(encode_folder_name(folder), None, None, raw)
            .await?;
        Ok(session.logout().await?)
    }

    /// Delivers each of `raws` to the INBOX, unseen, in order over one session.
    pub async fn deliver_all(
        &self,
        raws: impl IntoIterator<Item = Vec<u8>>,
    ) -> Result<(), MailboxError> {
        let mut session = login(&self.config).await?;
        for raw in raws {
            session.append("INBOX", None, None, raw).await?;
        }
        Ok(session.logout().await?)
    }

    /// Delivers `raw` to the INBOX, unseen.
    pub async fn deliver(&self, raw: &[u8]) -> Result<(), MailboxError> {
        self.deliver_to("INBOX", raw).await
    }

    /// Creates a folder.
    pub async fn create_folder(&self, folder: &str) -> Result<(), MailboxError> {
        let mut session = login(&self.config).await?;
        session.create(encode_folder_name(folder)).await?;
        Ok(session.logout().await?)
    }

    /// The UIDs in `folder` that match an IMAP SEARCH `query` ("UNSEEN", "SEEN", "ALL").
    pub async fn search(&self, folder: &str, query: &str) -> Result<Vec<u32>, MailboxError> {
        let mut session = login(&self.config).await?;
        session.examine(encode_folder_name(folder)).await?;
        let mut uids: Vec<u32> = session.uid_search(query).await?.into_iter().collect();
        uids.sort_unstable();
        session.logout().await?;
        Ok(uids)
    }
}
