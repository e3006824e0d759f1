-- The origin a desktop's field versions carry (its database's `sync_control.origin`), given
-- at registration: every field a push of the desktop writes is stamped with it, whatever the
-- request says. NULL for desktops registered before: their id is used.
ALTER TABLE devices ADD COLUMN origin uuid NULL;
