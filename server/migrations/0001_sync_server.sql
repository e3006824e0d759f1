-- The sync server's schema: registered desktops, the protocols they hold, every synced row
-- (with the transaction and sequence of its last write, the pull order) and attachments.

CREATE TABLE devices (
    id uuid PRIMARY KEY,
    name text NOT NULL,
    desktop_number smallint NOT NULL UNIQUE CHECK (desktop_number BETWEEN 2 AND 999),
    credential_hash bytea NOT NULL,
    registered_at timestamptz NOT NULL DEFAULT now(),
    revoked_at timestamptz NULL,
    last_seen_at timestamptz NULL
);

-- A protocol belongs to one desktop and, once a ticket carries it, to that ticket.
CREATE TABLE protocol_claims (
    protocol text COLLATE "C" PRIMARY KEY,
    device_id uuid NOT NULL REFERENCES devices (id),
    ticket_id uuid NULL,
    claimed_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX protocol_claims_device ON protocol_claims (device_id);

CREATE SEQUENCE sync_rows_seq AS bigint;

-- One row per synced row: `fields` is the JSON of its fields with their versions. `txid`
-- and `seq` are rewritten by every write that changes the row: pulls go in that order, and
-- only below the oldest running transaction, so none is skipped.
CREATE TABLE sync_rows (
    table_name text COLLATE "C" NOT NULL,
    row_id uuid NOT NULL,
    fields jsonb NOT NULL,
    txid xid8 NOT NULL DEFAULT pg_current_xact_id(),
    seq bigint NOT NULL DEFAULT nextval('sync_rows_seq'),
    PRIMARY KEY (table_name, row_id)
);

ALTER SEQUENCE sync_rows_seq OWNED BY sync_rows.seq;

CREATE INDEX sync_rows_pull_order ON sync_rows (txid, seq);

-- Attachments, addressed by the SHA-256 (lower-case hex) of their content.
CREATE TABLE blobs (
    hash text COLLATE "C" PRIMARY KEY CHECK (hash ~ '^[0-9a-f]{64}$'),
    size bigint NOT NULL CHECK (size >= 0),
    content bytea NOT NULL,
    stored_at timestamptz NOT NULL DEFAULT now()
);

-- Attachments are mostly compressed already (images, PDFs): keep them out of line, as is.
ALTER TABLE blobs ALTER COLUMN content SET STORAGE EXTERNAL;
