-- "Enviar E-mail": which roles may use each template, and the durable outbox.

-- A template with no row here may be used by every role.
CREATE TABLE email_template_roles (
    template_id  BLOB NOT NULL REFERENCES email_templates(id),
    role_id      BLOB NOT NULL REFERENCES roles(id),
    PRIMARY KEY (template_id, role_id)
) WITHOUT ROWID;

-- Every e-mail is written here first (in the transaction that saves its ticket) and sent by
-- the background worker. `message_id` is fixed when queued, so a resend carries the same one.
-- `state`: 'queued' (waiting for next_attempt_at), 'sending' (claimed by a worker until
-- next_attempt_at, its lease: a crashed worker's rows come back after it), 'sent', 'failed'.
CREATE TABLE email_outbox (
    id               BLOB PRIMARY KEY NOT NULL,
    ticket_id        BLOB REFERENCES tickets(id),
    message_id       TEXT NOT NULL UNIQUE,
    from_address     TEXT NOT NULL,
    to_addresses     TEXT NOT NULL,   -- JSON array of addresses
    cc_addresses     TEXT NOT NULL,   -- JSON array of addresses
    subject          TEXT NOT NULL,   -- rendered
    body             TEXT NOT NULL,   -- rendered
    attachments      TEXT NOT NULL,   -- JSON array of {hash, name, size}
    state            TEXT NOT NULL DEFAULT 'queued'
                     CHECK (state IN ('queued', 'sending', 'sent', 'failed')),
    attempts         INTEGER NOT NULL DEFAULT 0,
    next_attempt_at  INTEGER NOT NULL,
    last_error       TEXT,
    queued_at        INTEGER NOT NULL,
    sent_at          INTEGER,
    created_by       BLOB NOT NULL REFERENCES users(id),
    changed_at       INTEGER NOT NULL
);
-- The worker's question: what is due (queued, or sending with an expired lease)?
CREATE INDEX email_outbox_due ON email_outbox(state, next_attempt_at);
CREATE INDEX email_outbox_ticket ON email_outbox(ticket_id) WHERE ticket_id IS NOT NULL;
