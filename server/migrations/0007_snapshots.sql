-- Snapshots for a new desktop's first sync (issue 19): every row as of one moment, in
-- chunks of one table's rows each, compact JSON compressed with gzip
-- (`helpdesk_core::sync::SnapshotChunk`). Prepared ahead by one instance at a time; a
-- desktop downloads the latest finished one, then pulls from its cursor.
CREATE TABLE sync_snapshots (
    id uuid PRIMARY KEY,
    epoch bigint NOT NULL,
    cursor_transaction bigint NOT NULL,
    cursor_sequence bigint NOT NULL,
    -- The roles that administered as of the snapshot: their users' password hashes are
    -- withheld from service desktops (with the roles that administer when served).
    administrator_roles uuid[] NOT NULL,
    chunks integer NULL,
    row_count bigint NULL,
    taken_at timestamptz NOT NULL DEFAULT now(),
    finished_at timestamptz NULL
);

CREATE TABLE sync_snapshot_chunks (
    snapshot_id uuid NOT NULL REFERENCES sync_snapshots (id) ON DELETE CASCADE,
    number integer NOT NULL CHECK (number >= 0),
    table_name text COLLATE "C" NOT NULL,
    content bytea NOT NULL,
    PRIMARY KEY (snapshot_id, number)
);

-- Compressed already: kept out of line, as is.
ALTER TABLE sync_snapshot_chunks ALTER COLUMN content SET STORAGE EXTERNAL;
