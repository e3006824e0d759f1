-- A desktop without a sync server reads its support mailbox itself (issue 17).
--
-- - `intake_taken` (local, never synced): the messages this desktop took in, by what makes a
--   message the same again (the key of the server's `intake_seen`: `mail:<Message-ID or
--   content hash>`), written in the transaction that writes the message, so a mail offered
--   again is not taken twice. Its key to the message is checked at commit: the claim comes
--   first in that transaction.
CREATE TABLE intake_taken (
    dedupe_key  TEXT PRIMARY KEY NOT NULL,
    message_id  BLOB NOT NULL REFERENCES support_messages(id) DEFERRABLE INITIALLY DEFERRED,
    taken_at    INTEGER NOT NULL
);
