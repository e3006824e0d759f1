-- A first sync from the server's snapshot (issue 19): the snapshot being applied (its
-- manifest, `helpdesk_core::sync::SnapshotManifest`, as JSON) and the next chunk to apply.
-- NULL when none is under way. Each chunk is applied in one transaction with `snapshot_next`,
-- so a cut first sync goes on where it stopped.
ALTER TABLE sync_state ADD COLUMN snapshot TEXT;
ALTER TABLE sync_state ADD COLUMN snapshot_next INTEGER NOT NULL DEFAULT 0;
