-- The profile the administrator gave this desktop when registering it ('service' or
-- 'administration'; NULL while unregistered, when it may do everything locally).
ALTER TABLE sync_state ADD COLUMN profile TEXT NULL
    CHECK (profile IN ('service', 'administration'));
