-- Set when pulled pages were applied without refreshing the customer search index (a first
-- sync, where refreshing it page by page would read the growing index again and again); the
-- index is rebuilt whole, and the flag cleared, at the end of the exchange or the next one.
ALTER TABLE sync_state ADD COLUMN search_stale INTEGER NOT NULL DEFAULT 0
    CHECK (search_stale IN (0, 1));
