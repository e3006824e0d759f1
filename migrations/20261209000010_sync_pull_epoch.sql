-- The epoch of the server's pull positions (`PullCursor::epoch`): 0 until the server says
-- otherwise (its database was restored from a dump, say), when pulling starts again.
ALTER TABLE sync_state ADD COLUMN pull_epoch INTEGER NOT NULL DEFAULT 0;
