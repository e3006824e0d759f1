-- Protocol numbers this desktop gives (local to the desktop): the last sequence of each day,
-- and every number given, by whom and when, so a number is traceable even when its ticket
-- was never saved. A ticket stores its number in `tickets.protocol`. The desktop's number is
-- `local_settings.desktop_number` (1 until the desktop registers with the sync server).
CREATE TABLE protocol_sequences (
    day   TEXT PRIMARY KEY NOT NULL,   -- aaaa-mm-dd, the desktop's local date
    last  INTEGER NOT NULL
);

CREATE TABLE protocol_reservations (
    protocol     TEXT PRIMARY KEY NOT NULL,   -- the 14 digits
    user_id      BLOB NOT NULL REFERENCES users(id),
    reserved_at  INTEGER NOT NULL
);
