-- The ticket's page may cancel a failed e-mail (issue 18): `email_outbox.state` gains
-- 'cancelled'. SQLite cannot change a CHECK, so the table is made again with the same
-- columns (in_reply_to and thread_references from 20261206000001 included) and indexes.
-- email_outbox is local to the desktop: it is not synced and has no triggers.
CREATE TABLE email_outbox_new (
    id                 BLOB PRIMARY KEY NOT NULL,
    ticket_id          BLOB REFERENCES tickets(id),
    message_id         TEXT NOT NULL UNIQUE,
    from_address       TEXT NOT NULL,
    to_addresses       TEXT NOT NULL,   -- JSON array of addresses
    cc_addresses       TEXT NOT NULL,   -- JSON array of addresses
    subject            TEXT NOT NULL,   -- rendered
    body               TEXT NOT NULL,   -- rendered
    attachments        TEXT NOT NULL,   -- JSON array of {hash, name, size}
    state              TEXT NOT NULL DEFAULT 'queued'
                       CHECK (state IN ('queued', 'sending', 'sent', 'failed', 'cancelled')),
    attempts           INTEGER NOT NULL DEFAULT 0,
    next_attempt_at    INTEGER NOT NULL,
    last_error         TEXT,
    queued_at          INTEGER NOT NULL,
    sent_at            INTEGER,
    created_by         BLOB NOT NULL REFERENCES users(id),
    changed_at         INTEGER NOT NULL,
    in_reply_to        TEXT NOT NULL DEFAULT '',
    thread_references  TEXT NOT NULL DEFAULT ''
);
INSERT INTO email_outbox_new (id, ticket_id, message_id, from_address, to_addresses,
    cc_addresses, subject, body, attachments, state, attempts, next_attempt_at, last_error,
    queued_at, sent_at, created_by, changed_at, in_reply_to, thread_references)
SELECT id, ticket_id, message_id, from_address, to_addresses, cc_addresses, subject, body,
    attachments, state, attempts, next_attempt_at, last_error, queued_at, sent_at, created_by,
    changed_at, in_reply_to, thread_references
FROM email_outbox;
DROP TABLE email_outbox;
ALTER TABLE email_outbox_new RENAME TO email_outbox;
-- The worker's question: what is due (queued, or sending with an expired lease)?
CREATE INDEX email_outbox_due ON email_outbox(state, next_attempt_at);
CREATE INDEX email_outbox_ticket ON email_outbox(ticket_id) WHERE ticket_id IS NOT NULL;
