-- Importing a provider's base from CSV files (issue 16). Local to this desktop, never
-- synced: what is imported syncs through the tables it writes.
--
-- The mapping of a file's columns remembered per kind of file, one row per header.
CREATE TABLE import_mappings (
    kind    TEXT NOT NULL,     -- 'customers', 'contracts', 'plans', 'routing_points'
    header  TEXT NOT NULL,     -- the file's header, as written
    field   TEXT NOT NULL,     -- the target field's name
    PRIMARY KEY (kind, header)
);

-- A run of one file: the file's identity (size and SHA-256), how far it got (records
-- committed, in the same transaction as their rows) and what it did, so a cancelled or
-- killed run resumes after its last committed batch.
CREATE TABLE import_runs (
    id          BLOB PRIMARY KEY NOT NULL,
    kind        TEXT NOT NULL,
    file_name   TEXT NOT NULL,
    file_path   TEXT NOT NULL,
    file_size   INTEGER NOT NULL,
    file_hash   TEXT NOT NULL,
    match_by    TEXT NOT NULL,     -- 'code' or 'document'
    headers     TEXT NOT NULL,     -- JSON array: the file's header line
    mapping     TEXT NOT NULL,     -- JSON array: the field of each column ('' ignored)
    dry_run     INTEGER NOT NULL,
    records     INTEGER NOT NULL DEFAULT 0,
    created     INTEGER NOT NULL DEFAULT 0,
    updated     INTEGER NOT NULL DEFAULT 0,
    unchanged   INTEGER NOT NULL DEFAULT 0,
    rejected    INTEGER NOT NULL DEFAULT 0,
    status      TEXT NOT NULL,     -- 'running', 'cancelled', 'done'
    started_at  INTEGER NOT NULL,
    changed_at  INTEGER NOT NULL
);
CREATE INDEX import_runs_file ON import_runs(kind, file_size, file_hash, status);

-- The rows a run refused, for its report.
CREATE TABLE import_rejects (
    run_id  BLOB NOT NULL REFERENCES import_runs(id),
    line    INTEGER NOT NULL,
    column  TEXT NOT NULL,
    reason  TEXT NOT NULL
);
CREATE INDEX import_rejects_run ON import_rejects(run_id, line);
