-- Secondary indexes set aside while a new desktop loads the server's snapshot into tables
-- that held nothing (issue 19; `helpdesk_store::sync` module `deferred_indexes`, the only
-- writer): each is dropped when the load begins and built again, from the SQL kept here, when
-- it ends, when it is left, and when the database opens (before any migration, so a later
-- migration always finds every index). Building an index once over sorted keys is many times
-- faster than keeping it through a million inserts in random order. Unique indexes stay:
-- they are how a row this desktop holds already is met. Local, never synced.
CREATE TABLE sync_deferred_indexes (
    name TEXT PRIMARY KEY NOT NULL,
    sql  TEXT NOT NULL
) WITHOUT ROWID;
