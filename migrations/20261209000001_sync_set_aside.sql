-- Rows set aside by sync ("Pendências", `helpdesk_store::sync::set_aside`, the only writer):
-- a pulled row this desktop cannot apply (its CHECK, UNIQUE or a trigger refuses it, or it
-- does not fit the table), or a local change the server refused for good. Neither stops an
-- exchange: the row waits here with its reason and the rest goes on. Local, never synced
-- (no triggers): each desktop has its own.
CREATE TABLE sync_set_aside (
    direction    TEXT NOT NULL CHECK (direction IN ('pull', 'push')),
    table_name   TEXT NOT NULL,
    row_id       BLOB NOT NULL,
    -- The row as pulled or as sent (JSON of `helpdesk_core::sync::SyncRow`).
    row_json     TEXT NOT NULL,
    -- Why, in pt-BR, for the administrator; and the raw error.
    reason       TEXT NOT NULL,
    error        TEXT NOT NULL,
    set_aside_at INTEGER NOT NULL,
    PRIMARY KEY (direction, table_name, row_id)
) WITHOUT ROWID;

-- Attachment files a pulled row names and the server did not have (or could not send):
-- the row is applied, and the file is asked for again at every exchange until it arrives.
CREATE TABLE sync_missing_blobs (
    content_hash TEXT PRIMARY KEY NOT NULL,
    since        INTEGER NOT NULL
) WITHOUT ROWID;
