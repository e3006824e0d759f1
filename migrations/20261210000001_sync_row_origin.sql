-- Smaller field versions (issue 19). A row's default version, for each field that
-- `sync_versions` does not name, becomes (`changed_at`, `sync_origin`), `sync_origin` NULL
-- meaning this desktop. A row pulled from the server keeps in `sync_origin` the device of
-- its latest write and in `sync_versions` only the fields written at another version: a
-- row written once costs 16 bytes of versions instead of a JSON object naming every column.
-- A local write makes the row this desktop's again (`sync_origin` NULL), writing out first
-- the versions of the fields it did not change. Each table's update trigger as
-- `scripts/sync-triggers.py update` printed it then. Rows already stored keep their
-- explicit versions.

-- roles
ALTER TABLE roles ADD COLUMN sync_origin BLOB;
DROP TRIGGER roles_sync_update;
CREATE TRIGGER roles_sync_update AFTER UPDATE ON roles
WHEN (SELECT applying FROM sync_control) = 0
    AND (OLD.name IS NOT NEW.name OR OLD.deleted IS NOT NEW.deleted OR OLD.is_administrator IS NOT NEW.is_administrator OR OLD.active IS NOT NEW.active OR OLD.edits_customers IS NOT NEW.edits_customers)
BEGIN
    UPDATE roles SET sync_origin = NULL, sync_versions = (
        SELECT CASE WHEN count(*) = 0 THEN NULL ELSE json_group_object(field, json(version)) END
        FROM (
            SELECT key AS field, value AS version
            FROM json_each(coalesce(OLD.sync_versions, '{}'))
            WHERE NOT ((key = 'name' AND OLD.name IS NOT NEW.name) OR
                    (key = 'deleted' AND OLD.deleted IS NOT NEW.deleted) OR
                    (key = 'is_administrator' AND OLD.is_administrator IS NOT NEW.is_administrator) OR
                    (key = 'active' AND OLD.active IS NOT NEW.active) OR
                    (key = 'edits_customers' AND OLD.edits_customers IS NOT NEW.edits_customers))
            UNION ALL
            SELECT 'name', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.name IS NEW.name AND json_type(coalesce(OLD.sync_versions, '{}'), '$.name') IS NULL
            UNION ALL
            SELECT 'deleted', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.deleted IS NEW.deleted AND json_type(coalesce(OLD.sync_versions, '{}'), '$.deleted') IS NULL
            UNION ALL
            SELECT 'is_administrator', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.is_administrator IS NEW.is_administrator AND json_type(coalesce(OLD.sync_versions, '{}'), '$.is_administrator') IS NULL
            UNION ALL
            SELECT 'active', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.active IS NEW.active AND json_type(coalesce(OLD.sync_versions, '{}'), '$.active') IS NULL
            UNION ALL
            SELECT 'edits_customers', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.edits_customers IS NEW.edits_customers AND json_type(coalesce(OLD.sync_versions, '{}'), '$.edits_customers') IS NULL
        )
    ) WHERE id = NEW.id;
    INSERT INTO sync_outbox (table_name, row_id, stamp) VALUES ('roles', NEW.id, NEW.changed_at);
END;

-- teams
ALTER TABLE teams ADD COLUMN sync_origin BLOB;
DROP TRIGGER teams_sync_update;
CREATE TRIGGER teams_sync_update AFTER UPDATE ON teams
WHEN (SELECT applying FROM sync_control) = 0
    AND (OLD.name IS NOT NEW.name OR OLD.deleted IS NOT NEW.deleted OR OLD.active IS NOT NEW.active)
BEGIN
    UPDATE teams SET sync_origin = NULL, sync_versions = (
        SELECT CASE WHEN count(*) = 0 THEN NULL ELSE json_group_object(field, json(version)) END
        FROM (
            SELECT key AS field, value AS version
            FROM json_each(coalesce(OLD.sync_versions, '{}'))
            WHERE NOT ((key = 'name' AND OLD.name IS NOT NEW.name) OR
                    (key = 'deleted' AND OLD.deleted IS NOT NEW.deleted) OR
                    (key = 'active' AND OLD.active IS NOT NEW.active))
            UNION ALL
            SELECT 'name', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.name IS NEW.name AND json_type(coalesce(OLD.sync_versions, '{}'), '$.name') IS NULL
            UNION ALL
            SELECT 'deleted', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.deleted IS NEW.deleted AND json_type(coalesce(OLD.sync_versions, '{}'), '$.deleted') IS NULL
            UNION ALL
            SELECT 'active', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.active IS NEW.active AND json_type(coalesce(OLD.sync_versions, '{}'), '$.active') IS NULL
        )
    ) WHERE id = NEW.id;
    INSERT INTO sync_outbox (table_name, row_id, stamp) VALUES ('teams', NEW.id, NEW.changed_at);
END;

-- contact_roles
ALTER TABLE contact_roles ADD COLUMN sync_origin BLOB;
DROP TRIGGER contact_roles_sync_update;
CREATE TRIGGER contact_roles_sync_update AFTER UPDATE ON contact_roles
WHEN (SELECT applying FROM sync_control) = 0
    AND (OLD.name IS NOT NEW.name OR OLD.active IS NOT NEW.active OR OLD.deleted IS NOT NEW.deleted)
BEGIN
    UPDATE contact_roles SET sync_origin = NULL, sync_versions = (
        SELECT CASE WHEN count(*) = 0 THEN NULL ELSE json_group_object(field, json(version)) END
        FROM (
            SELECT key AS field, value AS version
            FROM json_each(coalesce(OLD.sync_versions, '{}'))
            WHERE NOT ((key = 'name' AND OLD.name IS NOT NEW.name) OR
                    (key = 'active' AND OLD.active IS NOT NEW.active) OR
                    (key = 'deleted' AND OLD.deleted IS NOT NEW.deleted))
            UNION ALL
            SELECT 'name', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.name IS NEW.name AND json_type(coalesce(OLD.sync_versions, '{}'), '$.name') IS NULL
            UNION ALL
            SELECT 'active', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.active IS NEW.active AND json_type(coalesce(OLD.sync_versions, '{}'), '$.active') IS NULL
            UNION ALL
            SELECT 'deleted', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.deleted IS NEW.deleted AND json_type(coalesce(OLD.sync_versions, '{}'), '$.deleted') IS NULL
        )
    ) WHERE id = NEW.id;
    INSERT INTO sync_outbox (table_name, row_id, stamp) VALUES ('contact_roles', NEW.id, NEW.changed_at);
END;

-- provider_settings
ALTER TABLE provider_settings ADD COLUMN sync_origin BLOB;
DROP TRIGGER provider_settings_sync_update;
CREATE TRIGGER provider_settings_sync_update AFTER UPDATE ON provider_settings
WHEN (SELECT applying FROM sync_control) = 0
    AND (OLD.name IS NOT NEW.name OR OLD.idle_lock_minutes IS NOT NEW.idle_lock_minutes OR OLD.deleted IS NOT NEW.deleted)
BEGIN
    UPDATE provider_settings SET sync_origin = NULL, sync_versions = (
        SELECT CASE WHEN count(*) = 0 THEN NULL ELSE json_group_object(field, json(version)) END
        FROM (
            SELECT key AS field, value AS version
            FROM json_each(coalesce(OLD.sync_versions, '{}'))
            WHERE NOT ((key = 'name' AND OLD.name IS NOT NEW.name) OR
                    (key = 'idle_lock_minutes' AND OLD.idle_lock_minutes IS NOT NEW.idle_lock_minutes) OR
                    (key = 'deleted' AND OLD.deleted IS NOT NEW.deleted))
            UNION ALL
            SELECT 'name', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.name IS NEW.name AND json_type(coalesce(OLD.sync_versions, '{}'), '$.name') IS NULL
            UNION ALL
            SELECT 'idle_lock_minutes', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.idle_lock_minutes IS NEW.idle_lock_minutes AND json_type(coalesce(OLD.sync_versions, '{}'), '$.idle_lock_minutes') IS NULL
            UNION ALL
            SELECT 'deleted', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.deleted IS NEW.deleted AND json_type(coalesce(OLD.sync_versions, '{}'), '$.deleted') IS NULL
        )
    ) WHERE id = NEW.id;
    INSERT INTO sync_outbox (table_name, row_id, stamp) VALUES ('provider_settings', NEW.id, NEW.changed_at);
END;

-- business_hours
ALTER TABLE business_hours ADD COLUMN sync_origin BLOB;
DROP TRIGGER business_hours_sync_update;
CREATE TRIGGER business_hours_sync_update AFTER UPDATE ON business_hours
WHEN (SELECT applying FROM sync_control) = 0
    AND (OLD.weekday IS NOT NEW.weekday OR OLD.opens_at IS NOT NEW.opens_at OR OLD.closes_at IS NOT NEW.closes_at OR OLD.deleted IS NOT NEW.deleted)
BEGIN
    UPDATE business_hours SET sync_origin = NULL, sync_versions = (
        SELECT CASE WHEN count(*) = 0 THEN NULL ELSE json_group_object(field, json(version)) END
        FROM (
            SELECT key AS field, value AS version
            FROM json_each(coalesce(OLD.sync_versions, '{}'))
            WHERE NOT ((key = 'weekday' AND OLD.weekday IS NOT NEW.weekday) OR
                    (key = 'opens_at' AND OLD.opens_at IS NOT NEW.opens_at) OR
                    (key = 'closes_at' AND OLD.closes_at IS NOT NEW.closes_at) OR
                    (key = 'deleted' AND OLD.deleted IS NOT NEW.deleted))
            UNION ALL
            SELECT 'weekday', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.weekday IS NEW.weekday AND json_type(coalesce(OLD.sync_versions, '{}'), '$.weekday') IS NULL
            UNION ALL
            SELECT 'opens_at', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.opens_at IS NEW.opens_at AND json_type(coalesce(OLD.sync_versions, '{}'), '$.opens_at') IS NULL
            UNION ALL
            SELECT 'closes_at', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.closes_at IS NEW.closes_at AND json_type(coalesce(OLD.sync_versions, '{}'), '$.closes_at') IS NULL
            UNION ALL
            SELECT 'deleted', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.deleted IS NEW.deleted AND json_type(coalesce(OLD.sync_versions, '{}'), '$.deleted') IS NULL
        )
    ) WHERE id = NEW.id;
    INSERT INTO sync_outbox (table_name, row_id, stamp) VALUES ('business_hours', NEW.id, NEW.changed_at);
END;

-- holidays
ALTER TABLE holidays ADD COLUMN sync_origin BLOB;
DROP TRIGGER holidays_sync_update;
CREATE TRIGGER holidays_sync_update AFTER UPDATE ON holidays
WHEN (SELECT applying FROM sync_control) = 0
    AND (OLD.day IS NOT NEW.day OR OLD.name IS NOT NEW.name OR OLD.deleted IS NOT NEW.deleted)
BEGIN
    UPDATE holidays SET sync_origin = NULL, sync_versions = (
        SELECT CASE WHEN count(*) = 0 THEN NULL ELSE json_group_object(field, json(version)) END
        FROM (
            SELECT key AS field, value AS version
            FROM json_each(coalesce(OLD.sync_versions, '{}'))
            WHERE NOT ((key = 'day' AND OLD.day IS NOT NEW.day) OR
                    (key = 'name' AND OLD.name IS NOT NEW.name) OR
                    (key = 'deleted' AND OLD.deleted IS NOT NEW.deleted))
            UNION ALL
            SELECT 'day', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.day IS NEW.day AND json_type(coalesce(OLD.sync_versions, '{}'), '$.day') IS NULL
            UNION ALL
            SELECT 'name', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.name IS NEW.name AND json_type(coalesce(OLD.sync_versions, '{}'), '$.name') IS NULL
            UNION ALL
            SELECT 'deleted', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.deleted IS NEW.deleted AND json_type(coalesce(OLD.sync_versions, '{}'), '$.deleted') IS NULL
        )
    ) WHERE id = NEW.id;
    INSERT INTO sync_outbox (table_name, row_id, stamp) VALUES ('holidays', NEW.id, NEW.changed_at);
END;

-- users
ALTER TABLE users ADD COLUMN sync_origin BLOB;
DROP TRIGGER users_sync_update;
CREATE TRIGGER users_sync_update AFTER UPDATE ON users
WHEN (SELECT applying FROM sync_control) = 0
    AND (OLD.login IS NOT NEW.login OR OLD.name IS NOT NEW.name OR OLD.email IS NOT NEW.email OR OLD.password_hash IS NOT NEW.password_hash OR OLD.role_id IS NOT NEW.role_id OR OLD.active IS NOT NEW.active OR OLD.deleted IS NOT NEW.deleted OR OLD.team_id IS NOT NEW.team_id OR OLD.must_change_password IS NOT NEW.must_change_password)
BEGIN
    UPDATE users SET sync_origin = NULL, sync_versions = (
        SELECT CASE WHEN count(*) = 0 THEN NULL ELSE json_group_object(field, json(version)) END
        FROM (
            SELECT key AS field, value AS version
            FROM json_each(coalesce(OLD.sync_versions, '{}'))
            WHERE NOT ((key = 'login' AND OLD.login IS NOT NEW.login) OR
                    (key = 'name' AND OLD.name IS NOT NEW.name) OR
                    (key = 'email' AND OLD.email IS NOT NEW.email) OR
                    (key = 'password_hash' AND OLD.password_hash IS NOT NEW.password_hash) OR
                    (key = 'role_id' AND OLD.role_id IS NOT NEW.role_id) OR
                    (key = 'active' AND OLD.active IS NOT NEW.active) OR
                    (key = 'deleted' AND OLD.deleted IS NOT NEW.deleted) OR
                    (key = 'team_id' AND OLD.team_id IS NOT NEW.team_id) OR
                    (key = 'must_change_password' AND OLD.must_change_password IS NOT NEW.must_change_password))
            UNION ALL
            SELECT 'login', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.login IS NEW.login AND json_type(coalesce(OLD.sync_versions, '{}'), '$.login') IS NULL
            UNION ALL
            SELECT 'name', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.name IS NEW.name AND json_type(coalesce(OLD.sync_versions, '{}'), '$.name') IS NULL
            UNION ALL
            SELECT 'email', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.email IS NEW.email AND json_type(coalesce(OLD.sync_versions, '{}'), '$.email') IS NULL
            UNION ALL
            SELECT 'password_hash', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.password_hash IS NEW.password_hash AND json_type(coalesce(OLD.sync_versions, '{}'), '$.password_hash') IS NULL
            UNION ALL
            SELECT 'role_id', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.role_id IS NEW.role_id AND json_type(coalesce(OLD.sync_versions, '{}'), '$.role_id') IS NULL
            UNION ALL
            SELECT 'active', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.active IS NEW.active AND json_type(coalesce(OLD.sync_versions, '{}'), '$.active') IS NULL
            UNION ALL
            SELECT 'deleted', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.deleted IS NEW.deleted AND json_type(coalesce(OLD.sync_versions, '{}'), '$.deleted') IS NULL
            UNION ALL
            SELECT 'team_id', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.team_id IS NEW.team_id AND json_type(coalesce(OLD.sync_versions, '{}'), '$.team_id') IS NULL
            UNION ALL
            SELECT 'must_change_password', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.must_change_password IS NEW.must_change_password AND json_type(coalesce(OLD.sync_versions, '{}'), '$.must_change_password') IS NULL
        )
    ) WHERE id = NEW.id;
    INSERT INTO sync_outbox (table_name, row_id, stamp) VALUES ('users', NEW.id, NEW.changed_at);
END;

-- technicians
ALTER TABLE technicians ADD COLUMN sync_origin BLOB;
DROP TRIGGER technicians_sync_update;
CREATE TRIGGER technicians_sync_update AFTER UPDATE ON technicians
WHEN (SELECT applying FROM sync_control) = 0
    AND (OLD.name IS NOT NEW.name OR OLD.team_id IS NOT NEW.team_id OR OLD.user_id IS NOT NEW.user_id OR OLD.phone IS NOT NEW.phone OR OLD.active IS NOT NEW.active OR OLD.deleted IS NOT NEW.deleted)
BEGIN
    UPDATE technicians SET sync_origin = NULL, sync_versions = (
        SELECT CASE WHEN count(*) = 0 THEN NULL ELSE json_group_object(field, json(version)) END
        FROM (
            SELECT key AS field, value AS version
            FROM json_each(coalesce(OLD.sync_versions, '{}'))
            WHERE NOT ((key = 'name' AND OLD.name IS NOT NEW.name) OR
                    (key = 'team_id' AND OLD.team_id IS NOT NEW.team_id) OR
                    (key = 'user_id' AND OLD.user_id IS NOT NEW.user_id) OR
                    (key = 'phone' AND OLD.phone IS NOT NEW.phone) OR
                    (key = 'active' AND OLD.active IS NOT NEW.active) OR
                    (key = 'deleted' AND OLD.deleted IS NOT NEW.deleted))
            UNION ALL
            SELECT 'name', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.name IS NEW.name AND json_type(coalesce(OLD.sync_versions, '{}'), '$.name') IS NULL
            UNION ALL
            SELECT 'team_id', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.team_id IS NEW.team_id AND json_type(coalesce(OLD.sync_versions, '{}'), '$.team_id') IS NULL
            UNION ALL
            SELECT 'user_id', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.user_id IS NEW.user_id AND json_type(coalesce(OLD.sync_versions, '{}'), '$.user_id') IS NULL
            UNION ALL
            SELECT 'phone', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.phone IS NEW.phone AND json_type(coalesce(OLD.sync_versions, '{}'), '$.phone') IS NULL
            UNION ALL
            SELECT 'active', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.active IS NEW.active AND json_type(coalesce(OLD.sync_versions, '{}'), '$.active') IS NULL
            UNION ALL
            SELECT 'deleted', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.deleted IS NEW.deleted AND json_type(coalesce(OLD.sync_versions, '{}'), '$.deleted') IS NULL
        )
    ) WHERE id = NEW.id;
    INSERT INTO sync_outbox (table_name, row_id, stamp) VALUES ('technicians', NEW.id, NEW.changed_at);
END;

-- plans
ALTER TABLE plans ADD COLUMN sync_origin BLOB;
DROP TRIGGER plans_sync_update;
CREATE TRIGGER plans_sync_update AFTER UPDATE ON plans
WHEN (SELECT applying FROM sync_control) = 0
    AND (OLD.name IS NOT NEW.name OR OLD.technology IS NOT NEW.technology OR OLD.download_mbps IS NOT NEW.download_mbps OR OLD.upload_mbps IS NOT NEW.upload_mbps OR OLD.price_cents IS NOT NEW.price_cents OR OLD.deleted IS NOT NEW.deleted OR OLD.active IS NOT NEW.active)
BEGIN
    UPDATE plans SET sync_origin = NULL, sync_versions = (
        SELECT CASE WHEN count(*) = 0 THEN NULL ELSE json_group_object(field, json(version)) END
        FROM (
            SELECT key AS field, value AS version
            FROM json_each(coalesce(OLD.sync_versions, '{}'))
            WHERE NOT ((key = 'name' AND OLD.name IS NOT NEW.name) OR
                    (key = 'technology' AND OLD.technology IS NOT NEW.technology) OR
                    (key = 'download_mbps' AND OLD.download_mbps IS NOT NEW.download_mbps) OR
                    (key = 'upload_mbps' AND OLD.upload_mbps IS NOT NEW.upload_mbps) OR
                    (key = 'price_cents' AND OLD.price_cents IS NOT NEW.price_cents) OR
                    (key = 'deleted' AND OLD.deleted IS NOT NEW.deleted) OR
                    (key = 'active' AND OLD.active IS NOT NEW.active))
            UNION ALL
            SELECT 'name', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.name IS NEW.name AND json_type(coalesce(OLD.sync_versions, '{}'), '$.name') IS NULL
            UNION ALL
            SELECT 'technology', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.technology IS NEW.technology AND json_type(coalesce(OLD.sync_versions, '{}'), '$.technology') IS NULL
            UNION ALL
            SELECT 'download_mbps', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.download_mbps IS NEW.download_mbps AND json_type(coalesce(OLD.sync_versions, '{}'), '$.download_mbps') IS NULL
            UNION ALL
            SELECT 'upload_mbps', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.upload_mbps IS NEW.upload_mbps AND json_type(coalesce(OLD.sync_versions, '{}'), '$.upload_mbps') IS NULL
            UNION ALL
            SELECT 'price_cents', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.price_cents IS NEW.price_cents AND json_type(coalesce(OLD.sync_versions, '{}'), '$.price_cents') IS NULL
            UNION ALL
            SELECT 'deleted', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.deleted IS NEW.deleted AND json_type(coalesce(OLD.sync_versions, '{}'), '$.deleted') IS NULL
            UNION ALL
            SELECT 'active', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.active IS NEW.active AND json_type(coalesce(OLD.sync_versions, '{}'), '$.active') IS NULL
        )
    ) WHERE id = NEW.id;
    INSERT INTO sync_outbox (table_name, row_id, stamp) VALUES ('plans', NEW.id, NEW.changed_at);
END;

-- routing_points
ALTER TABLE routing_points ADD COLUMN sync_origin BLOB;
DROP TRIGGER routing_points_sync_update;
CREATE TRIGGER routing_points_sync_update AFTER UPDATE ON routing_points
WHEN (SELECT applying FROM sync_control) = 0
    AND (OLD.name IS NOT NEW.name OR OLD.kind IS NOT NEW.kind OR OLD.address IS NOT NEW.address OR OLD.ip IS NOT NEW.ip OR OLD.status IS NOT NEW.status OR OLD.deleted IS NOT NEW.deleted OR OLD.active IS NOT NEW.active)
BEGIN
    UPDATE routing_points SET sync_origin = NULL, sync_versions = (
        SELECT CASE WHEN count(*) = 0 THEN NULL ELSE json_group_object(field, json(version)) END
        FROM (
            SELECT key AS field, value AS version
            FROM json_each(coalesce(OLD.sync_versions, '{}'))
            WHERE NOT ((key = 'name' AND OLD.name IS NOT NEW.name) OR
                    (key = 'kind' AND OLD.kind IS NOT NEW.kind) OR
                    (key = 'address' AND OLD.address IS NOT NEW.address) OR
                    (key = 'ip' AND OLD.ip IS NOT NEW.ip) OR
                    (key = 'status' AND OLD.status IS NOT NEW.status) OR
                    (key = 'deleted' AND OLD.deleted IS NOT NEW.deleted) OR
                    (key = 'active' AND OLD.active IS NOT NEW.active))
            UNION ALL
            SELECT 'name', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.name IS NEW.name AND json_type(coalesce(OLD.sync_versions, '{}'), '$.name') IS NULL
            UNION ALL
            SELECT 'kind', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.kind IS NEW.kind AND json_type(coalesce(OLD.sync_versions, '{}'), '$.kind') IS NULL
            UNION ALL
            SELECT 'address', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.address IS NEW.address AND json_type(coalesce(OLD.sync_versions, '{}'), '$.address') IS NULL
            UNION ALL
            SELECT 'ip', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.ip IS NEW.ip AND json_type(coalesce(OLD.sync_versions, '{}'), '$.ip') IS NULL
            UNION ALL
            SELECT 'status', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.status IS NEW.status AND json_type(coalesce(OLD.sync_versions, '{}'), '$.status') IS NULL
            UNION ALL
            SELECT 'deleted', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.deleted IS NEW.deleted AND json_type(coalesce(OLD.sync_versions, '{}'), '$.deleted') IS NULL
            UNION ALL
            SELECT 'active', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.active IS NEW.active AND json_type(coalesce(OLD.sync_versions, '{}'), '$.active') IS NULL
        )
    ) WHERE id = NEW.id;
    INSERT INTO sync_outbox (table_name, row_id, stamp) VALUES ('routing_points', NEW.id, NEW.changed_at);
END;

-- customers
ALTER TABLE customers ADD COLUMN sync_origin BLOB;
DROP TRIGGER customers_sync_update;
CREATE TRIGGER customers_sync_update AFTER UPDATE ON customers
WHEN (SELECT applying FROM sync_control) = 0
    AND (OLD.code IS NOT NEW.code OR OLD.name IS NOT NEW.name OR OLD.name_folded IS NOT NEW.name_folded OR OLD.document IS NOT NEW.document OR OLD.street IS NOT NEW.street OR OLD.number IS NOT NEW.number OR OLD.district IS NOT NEW.district OR OLD.city IS NOT NEW.city OR OLD.state IS NOT NEW.state OR OLD.postal_code IS NOT NEW.postal_code OR OLD.created_at IS NOT NEW.created_at OR OLD.deleted IS NOT NEW.deleted OR OLD.kind IS NOT NEW.kind OR OLD.trade_name IS NOT NEW.trade_name OR OLD.complement IS NOT NEW.complement OR OLD.notes IS NOT NEW.notes)
BEGIN
    UPDATE customers SET sync_origin = NULL, sync_versions = (
        SELECT CASE WHEN count(*) = 0 THEN NULL ELSE json_group_object(field, json(version)) END
        FROM (
            SELECT key AS field, value AS version
            FROM json_each(coalesce(OLD.sync_versions, '{}'))
            WHERE NOT ((key = 'code' AND OLD.code IS NOT NEW.code) OR
                    (key = 'name' AND OLD.name IS NOT NEW.name) OR
                    (key = 'name_folded' AND OLD.name_folded IS NOT NEW.name_folded) OR
                    (key = 'document' AND OLD.document IS NOT NEW.document) OR
                    (key = 'street' AND OLD.street IS NOT NEW.street) OR
                    (key = 'number' AND OLD.number IS NOT NEW.number) OR
                    (key = 'district' AND OLD.district IS NOT NEW.district) OR
                    (key = 'city' AND OLD.city IS NOT NEW.city) OR
                    (key = 'state' AND OLD.state IS NOT NEW.state) OR
                    (key = 'postal_code' AND OLD.postal_code IS NOT NEW.postal_code) OR
                    (key = 'created_at' AND OLD.created_at IS NOT NEW.created_at) OR
                    (key = 'deleted' AND OLD.deleted IS NOT NEW.deleted) OR
                    (key = 'kind' AND OLD.kind IS NOT NEW.kind) OR
                    (key = 'trade_name' AND OLD.trade_name IS NOT NEW.trade_name) OR
                    (key = 'complement' AND OLD.complement IS NOT NEW.complement) OR
                    (key = 'notes' AND OLD.notes IS NOT NEW.notes))
            UNION ALL
            SELECT 'code', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.code IS NEW.code AND json_type(coalesce(OLD.sync_versions, '{}'), '$.code') IS NULL
            UNION ALL
            SELECT 'name', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.name IS NEW.name AND json_type(coalesce(OLD.sync_versions, '{}'), '$.name') IS NULL
            UNION ALL
            SELECT 'name_folded', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.name_folded IS NEW.name_folded AND json_type(coalesce(OLD.sync_versions, '{}'), '$.name_folded') IS NULL
            UNION ALL
            SELECT 'document', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.document IS NEW.document AND json_type(coalesce(OLD.sync_versions, '{}'), '$.document') IS NULL
            UNION ALL
            SELECT 'street', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.street IS NEW.street AND json_type(coalesce(OLD.sync_versions, '{}'), '$.street') IS NULL
            UNION ALL
            SELECT 'number', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.number IS NEW.number AND json_type(coalesce(OLD.sync_versions, '{}'), '$.number') IS NULL
            UNION ALL
            SELECT 'district', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.district IS NEW.district AND json_type(coalesce(OLD.sync_versions, '{}'), '$.district') IS NULL
            UNION ALL
            SELECT 'city', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.city IS NEW.city AND json_type(coalesce(OLD.sync_versions, '{}'), '$.city') IS NULL
            UNION ALL
            SELECT 'state', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.state IS NEW.state AND json_type(coalesce(OLD.sync_versions, '{}'), '$.state') IS NULL
            UNION ALL
            SELECT 'postal_code', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.postal_code IS NEW.postal_code AND json_type(coalesce(OLD.sync_versions, '{}'), '$.postal_code') IS NULL
            UNION ALL
            SELECT 'created_at', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.created_at IS NEW.created_at AND json_type(coalesce(OLD.sync_versions, '{}'), '$.created_at') IS NULL
            UNION ALL
            SELECT 'deleted', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.deleted IS NEW.deleted AND json_type(coalesce(OLD.sync_versions, '{}'), '$.deleted') IS NULL
            UNION ALL
            SELECT 'kind', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.kind IS NEW.kind AND json_type(coalesce(OLD.sync_versions, '{}'), '$.kind') IS NULL
            UNION ALL
            SELECT 'trade_name', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.trade_name IS NEW.trade_name AND json_type(coalesce(OLD.sync_versions, '{}'), '$.trade_name') IS NULL
            UNION ALL
            SELECT 'complement', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.complement IS NEW.complement AND json_type(coalesce(OLD.sync_versions, '{}'), '$.complement') IS NULL
            UNION ALL
            SELECT 'notes', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.notes IS NEW.notes AND json_type(coalesce(OLD.sync_versions, '{}'), '$.notes') IS NULL
        )
    ) WHERE id = NEW.id;
    INSERT INTO sync_outbox (table_name, row_id, stamp) VALUES ('customers', NEW.id, NEW.changed_at);
END;

-- customer_emails
ALTER TABLE customer_emails ADD COLUMN sync_origin BLOB;
DROP TRIGGER customer_emails_sync_update;
CREATE TRIGGER customer_emails_sync_update AFTER UPDATE ON customer_emails
WHEN (SELECT applying FROM sync_control) = 0
    AND (OLD.customer_id IS NOT NEW.customer_id OR OLD.email IS NOT NEW.email OR OLD.email_folded IS NOT NEW.email_folded OR OLD.deleted IS NOT NEW.deleted)
BEGIN
    UPDATE customer_emails SET sync_origin = NULL, sync_versions = (
        SELECT CASE WHEN count(*) = 0 THEN NULL ELSE json_group_object(field, json(version)) END
        FROM (
            SELECT key AS field, value AS version
            FROM json_each(coalesce(OLD.sync_versions, '{}'))
            WHERE NOT ((key = 'customer_id' AND OLD.customer_id IS NOT NEW.customer_id) OR
                    (key = 'email' AND OLD.email IS NOT NEW.email) OR
                    (key = 'email_folded' AND OLD.email_folded IS NOT NEW.email_folded) OR
                    (key = 'deleted' AND OLD.deleted IS NOT NEW.deleted))
            UNION ALL
            SELECT 'customer_id', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.customer_id IS NEW.customer_id AND json_type(coalesce(OLD.sync_versions, '{}'), '$.customer_id') IS NULL
            UNION ALL
            SELECT 'email', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.email IS NEW.email AND json_type(coalesce(OLD.sync_versions, '{}'), '$.email') IS NULL
            UNION ALL
            SELECT 'email_folded', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.email_folded IS NEW.email_folded AND json_type(coalesce(OLD.sync_versions, '{}'), '$.email_folded') IS NULL
            UNION ALL
            SELECT 'deleted', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.deleted IS NEW.deleted AND json_type(coalesce(OLD.sync_versions, '{}'), '$.deleted') IS NULL
        )
    ) WHERE id = NEW.id;
    INSERT INTO sync_outbox (table_name, row_id, stamp) VALUES ('customer_emails', NEW.id, NEW.changed_at);
END;

-- customer_phones
ALTER TABLE customer_phones ADD COLUMN sync_origin BLOB;
DROP TRIGGER customer_phones_sync_update;
CREATE TRIGGER customer_phones_sync_update AFTER UPDATE ON customer_phones
WHEN (SELECT applying FROM sync_control) = 0
    AND (OLD.customer_id IS NOT NEW.customer_id OR OLD.phone IS NOT NEW.phone OR OLD.digits IS NOT NEW.digits OR OLD.deleted IS NOT NEW.deleted)
BEGIN
    UPDATE customer_phones SET sync_origin = NULL, sync_versions = (
        SELECT CASE WHEN count(*) = 0 THEN NULL ELSE json_group_object(field, json(version)) END
        FROM (
            SELECT key AS field, value AS version
            FROM json_each(coalesce(OLD.sync_versions, '{}'))
            WHERE NOT ((key = 'customer_id' AND OLD.customer_id IS NOT NEW.customer_id) OR
                    (key = 'phone' AND OLD.phone IS NOT NEW.phone) OR
                    (key = 'digits' AND OLD.digits IS NOT NEW.digits) OR
                    (key = 'deleted' AND OLD.deleted IS NOT NEW.deleted))
            UNION ALL
            SELECT 'customer_id', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.customer_id IS NEW.customer_id AND json_type(coalesce(OLD.sync_versions, '{}'), '$.customer_id') IS NULL
            UNION ALL
            SELECT 'phone', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.phone IS NEW.phone AND json_type(coalesce(OLD.sync_versions, '{}'), '$.phone') IS NULL
            UNION ALL
            SELECT 'digits', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.digits IS NEW.digits AND json_type(coalesce(OLD.sync_versions, '{}'), '$.digits') IS NULL
            UNION ALL
            SELECT 'deleted', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.deleted IS NEW.deleted AND json_type(coalesce(OLD.sync_versions, '{}'), '$.deleted') IS NULL
        )
    ) WHERE id = NEW.id;
    INSERT INTO sync_outbox (table_name, row_id, stamp) VALUES ('customer_phones', NEW.id, NEW.changed_at);
END;

-- customer_plans
ALTER TABLE customer_plans ADD COLUMN sync_origin BLOB;
DROP TRIGGER customer_plans_sync_update;
CREATE TRIGGER customer_plans_sync_update AFTER UPDATE ON customer_plans
WHEN (SELECT applying FROM sync_control) = 0
    AND (OLD.customer_id IS NOT NEW.customer_id OR OLD.plan_id IS NOT NEW.plan_id OR OLD.routing_point_id IS NOT NEW.routing_point_id OR OLD.login IS NOT NEW.login OR OLD.status IS NOT NEW.status OR OLD.installed_on IS NOT NEW.installed_on OR OLD.deleted IS NOT NEW.deleted OR OLD.installation_address IS NOT NEW.installation_address OR OLD.status_changed_on IS NOT NEW.status_changed_on)
BEGIN
    UPDATE customer_plans SET sync_origin = NULL, sync_versions = (
        SELECT CASE WHEN count(*) = 0 THEN NULL ELSE json_group_object(field, json(version)) END
        FROM (
            SELECT key AS field, value AS version
            FROM json_each(coalesce(OLD.sync_versions, '{}'))
            WHERE NOT ((key = 'customer_id' AND OLD.customer_id IS NOT NEW.customer_id) OR
                    (key = 'plan_id' AND OLD.plan_id IS NOT NEW.plan_id) OR
                    (key = 'routing_point_id' AND OLD.routing_point_id IS NOT NEW.routing_point_id) OR
                    (key = 'login' AND OLD.login IS NOT NEW.login) OR
                    (key = 'status' AND OLD.status IS NOT NEW.status) OR
                    (key = 'installed_on' AND OLD.installed_on IS NOT NEW.installed_on) OR
                    (key = 'deleted' AND OLD.deleted IS NOT NEW.deleted) OR
                    (key = 'installation_address' AND OLD.installation_address IS NOT NEW.installation_address) OR
                    (key = 'status_changed_on' AND OLD.status_changed_on IS NOT NEW.status_changed_on))
            UNION ALL
            SELECT 'customer_id', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.customer_id IS NEW.customer_id AND json_type(coalesce(OLD.sync_versions, '{}'), '$.customer_id') IS NULL
            UNION ALL
            SELECT 'plan_id', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.plan_id IS NEW.plan_id AND json_type(coalesce(OLD.sync_versions, '{}'), '$.plan_id') IS NULL
            UNION ALL
            SELECT 'routing_point_id', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.routing_point_id IS NEW.routing_point_id AND json_type(coalesce(OLD.sync_versions, '{}'), '$.routing_point_id') IS NULL
            UNION ALL
            SELECT 'login', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.login IS NEW.login AND json_type(coalesce(OLD.sync_versions, '{}'), '$.login') IS NULL
            UNION ALL
            SELECT 'status', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.status IS NEW.status AND json_type(coalesce(OLD.sync_versions, '{}'), '$.status') IS NULL
            UNION ALL
            SELECT 'installed_on', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.installed_on IS NEW.installed_on AND json_type(coalesce(OLD.sync_versions, '{}'), '$.installed_on') IS NULL
            UNION ALL
            SELECT 'deleted', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.deleted IS NEW.deleted AND json_type(coalesce(OLD.sync_versions, '{}'), '$.deleted') IS NULL
            UNION ALL
            SELECT 'installation_address', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.installation_address IS NEW.installation_address AND json_type(coalesce(OLD.sync_versions, '{}'), '$.installation_address') IS NULL
            UNION ALL
            SELECT 'status_changed_on', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.status_changed_on IS NEW.status_changed_on AND json_type(coalesce(OLD.sync_versions, '{}'), '$.status_changed_on') IS NULL
        )
    ) WHERE id = NEW.id;
    INSERT INTO sync_outbox (table_name, row_id, stamp) VALUES ('customer_plans', NEW.id, NEW.changed_at);
END;

-- contacts
ALTER TABLE contacts ADD COLUMN sync_origin BLOB;
DROP TRIGGER contacts_sync_update;
CREATE TRIGGER contacts_sync_update AFTER UPDATE ON contacts
WHEN (SELECT applying FROM sync_control) = 0
    AND (OLD.customer_id IS NOT NEW.customer_id OR OLD.name IS NOT NEW.name OR OLD.phone IS NOT NEW.phone OR OLD.email IS NOT NEW.email OR OLD.relation IS NOT NEW.relation OR OLD.deleted IS NOT NEW.deleted)
BEGIN
    UPDATE contacts SET sync_origin = NULL, sync_versions = (
        SELECT CASE WHEN count(*) = 0 THEN NULL ELSE json_group_object(field, json(version)) END
        FROM (
            SELECT key AS field, value AS version
            FROM json_each(coalesce(OLD.sync_versions, '{}'))
            WHERE NOT ((key = 'customer_id' AND OLD.customer_id IS NOT NEW.customer_id) OR
                    (key = 'name' AND OLD.name IS NOT NEW.name) OR
                    (key = 'phone' AND OLD.phone IS NOT NEW.phone) OR
                    (key = 'email' AND OLD.email IS NOT NEW.email) OR
                    (key = 'relation' AND OLD.relation IS NOT NEW.relation) OR
                    (key = 'deleted' AND OLD.deleted IS NOT NEW.deleted))
            UNION ALL
            SELECT 'customer_id', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.customer_id IS NEW.customer_id AND json_type(coalesce(OLD.sync_versions, '{}'), '$.customer_id') IS NULL
            UNION ALL
            SELECT 'name', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.name IS NEW.name AND json_type(coalesce(OLD.sync_versions, '{}'), '$.name') IS NULL
            UNION ALL
            SELECT 'phone', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.phone IS NEW.phone AND json_type(coalesce(OLD.sync_versions, '{}'), '$.phone') IS NULL
            UNION ALL
            SELECT 'email', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.email IS NEW.email AND json_type(coalesce(OLD.sync_versions, '{}'), '$.email') IS NULL
            UNION ALL
            SELECT 'relation', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.relation IS NEW.relation AND json_type(coalesce(OLD.sync_versions, '{}'), '$.relation') IS NULL
            UNION ALL
            SELECT 'deleted', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.deleted IS NEW.deleted AND json_type(coalesce(OLD.sync_versions, '{}'), '$.deleted') IS NULL
        )
    ) WHERE id = NEW.id;
    INSERT INTO sync_outbox (table_name, row_id, stamp) VALUES ('contacts', NEW.id, NEW.changed_at);
END;

-- customer_changes
ALTER TABLE customer_changes ADD COLUMN sync_origin BLOB;
DROP TRIGGER customer_changes_sync_update;
CREATE TRIGGER customer_changes_sync_update AFTER UPDATE ON customer_changes
WHEN (SELECT applying FROM sync_control) = 0
    AND (OLD.customer_id IS NOT NEW.customer_id OR OLD.user_id IS NOT NEW.user_id OR OLD.at IS NOT NEW.at OR OLD.summary IS NOT NEW.summary OR OLD.deleted IS NOT NEW.deleted)
BEGIN
    UPDATE customer_changes SET sync_origin = NULL, sync_versions = (
        SELECT CASE WHEN count(*) = 0 THEN NULL ELSE json_group_object(field, json(version)) END
        FROM (
            SELECT key AS field, value AS version
            FROM json_each(coalesce(OLD.sync_versions, '{}'))
            WHERE NOT ((key = 'customer_id' AND OLD.customer_id IS NOT NEW.customer_id) OR
                    (key = 'user_id' AND OLD.user_id IS NOT NEW.user_id) OR
                    (key = 'at' AND OLD.at IS NOT NEW.at) OR
                    (key = 'summary' AND OLD.summary IS NOT NEW.summary) OR
                    (key = 'deleted' AND OLD.deleted IS NOT NEW.deleted))
            UNION ALL
            SELECT 'customer_id', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.customer_id IS NEW.customer_id AND json_type(coalesce(OLD.sync_versions, '{}'), '$.customer_id') IS NULL
            UNION ALL
            SELECT 'user_id', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.user_id IS NEW.user_id AND json_type(coalesce(OLD.sync_versions, '{}'), '$.user_id') IS NULL
            UNION ALL
            SELECT 'at', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.at IS NEW.at AND json_type(coalesce(OLD.sync_versions, '{}'), '$.at') IS NULL
            UNION ALL
            SELECT 'summary', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.summary IS NEW.summary AND json_type(coalesce(OLD.sync_versions, '{}'), '$.summary') IS NULL
            UNION ALL
            SELECT 'deleted', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.deleted IS NEW.deleted AND json_type(coalesce(OLD.sync_versions, '{}'), '$.deleted') IS NULL
        )
    ) WHERE id = NEW.id;
    INSERT INTO sync_outbox (table_name, row_id, stamp) VALUES ('customer_changes', NEW.id, NEW.changed_at);
END;

-- support_messages
ALTER TABLE support_messages ADD COLUMN sync_origin BLOB;
DROP TRIGGER support_messages_sync_update;
CREATE TRIGGER support_messages_sync_update AFTER UPDATE ON support_messages
WHEN (SELECT applying FROM sync_control) = 0
    AND (OLD.email IS NOT NEW.email OR OLD.email_folded IS NOT NEW.email_folded OR OLD.subject IS NOT NEW.subject OR OLD.login IS NOT NEW.login OR OLD.body IS NOT NEW.body OR OLD.received_at IS NOT NEW.received_at OR OLD.deleted IS NOT NEW.deleted OR OLD.rfc_message_id IS NOT NEW.rfc_message_id OR OLD.rfc_references IS NOT NEW.rfc_references OR OLD.source IS NOT NEW.source OR OLD.taken_by IS NOT NEW.taken_by OR OLD.taken_at IS NOT NEW.taken_at OR OLD.sender_name IS NOT NEW.sender_name OR OLD.document IS NOT NEW.document OR OLD.quoted IS NOT NEW.quoted)
BEGIN
    UPDATE support_messages SET sync_origin = NULL, sync_versions = (
        SELECT CASE WHEN count(*) = 0 THEN NULL ELSE json_group_object(field, json(version)) END
        FROM (
            SELECT key AS field, value AS version
            FROM json_each(coalesce(OLD.sync_versions, '{}'))
            WHERE NOT ((key = 'email' AND OLD.email IS NOT NEW.email) OR
                    (key = 'email_folded' AND OLD.email_folded IS NOT NEW.email_folded) OR
                    (key = 'subject' AND OLD.subject IS NOT NEW.subject) OR
                    (key = 'login' AND OLD.login IS NOT NEW.login) OR
                    (key = 'body' AND OLD.body IS NOT NEW.body) OR
                    (key = 'received_at' AND OLD.received_at IS NOT NEW.received_at) OR
                    (key = 'deleted' AND OLD.deleted IS NOT NEW.deleted) OR
                    (key = 'rfc_message_id' AND OLD.rfc_message_id IS NOT NEW.rfc_message_id) OR
                    (key = 'rfc_references' AND OLD.rfc_references IS NOT NEW.rfc_references) OR
                    (key = 'source' AND OLD.source IS NOT NEW.source) OR
                    (key = 'taken_by' AND OLD.taken_by IS NOT NEW.taken_by) OR
                    (key = 'taken_at' AND OLD.taken_at IS NOT NEW.taken_at) OR
                    (key = 'sender_name' AND OLD.sender_name IS NOT NEW.sender_name) OR
                    (key = 'document' AND OLD.document IS NOT NEW.document) OR
                    (key = 'quoted' AND OLD.quoted IS NOT NEW.quoted))
            UNION ALL
            SELECT 'email', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.email IS NEW.email AND json_type(coalesce(OLD.sync_versions, '{}'), '$.email') IS NULL
            UNION ALL
            SELECT 'email_folded', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.email_folded IS NEW.email_folded AND json_type(coalesce(OLD.sync_versions, '{}'), '$.email_folded') IS NULL
            UNION ALL
            SELECT 'subject', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.subject IS NEW.subject AND json_type(coalesce(OLD.sync_versions, '{}'), '$.subject') IS NULL
            UNION ALL
            SELECT 'login', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.login IS NEW.login AND json_type(coalesce(OLD.sync_versions, '{}'), '$.login') IS NULL
            UNION ALL
            SELECT 'body', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.body IS NEW.body AND json_type(coalesce(OLD.sync_versions, '{}'), '$.body') IS NULL
            UNION ALL
            SELECT 'received_at', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.received_at IS NEW.received_at AND json_type(coalesce(OLD.sync_versions, '{}'), '$.received_at') IS NULL
            UNION ALL
            SELECT 'deleted', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.deleted IS NEW.deleted AND json_type(coalesce(OLD.sync_versions, '{}'), '$.deleted') IS NULL
            UNION ALL
            SELECT 'rfc_message_id', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.rfc_message_id IS NEW.rfc_message_id AND json_type(coalesce(OLD.sync_versions, '{}'), '$.rfc_message_id') IS NULL
            UNION ALL
            SELECT 'rfc_references', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.rfc_references IS NEW.rfc_references AND json_type(coalesce(OLD.sync_versions, '{}'), '$.rfc_references') IS NULL
            UNION ALL
            SELECT 'source', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.source IS NEW.source AND json_type(coalesce(OLD.sync_versions, '{}'), '$.source') IS NULL
            UNION ALL
            SELECT 'taken_by', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.taken_by IS NEW.taken_by AND json_type(coalesce(OLD.sync_versions, '{}'), '$.taken_by') IS NULL
            UNION ALL
            SELECT 'taken_at', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.taken_at IS NEW.taken_at AND json_type(coalesce(OLD.sync_versions, '{}'), '$.taken_at') IS NULL
            UNION ALL
            SELECT 'sender_name', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.sender_name IS NEW.sender_name AND json_type(coalesce(OLD.sync_versions, '{}'), '$.sender_name') IS NULL
            UNION ALL
            SELECT 'document', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.document IS NEW.document AND json_type(coalesce(OLD.sync_versions, '{}'), '$.document') IS NULL
            UNION ALL
            SELECT 'quoted', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.quoted IS NEW.quoted AND json_type(coalesce(OLD.sync_versions, '{}'), '$.quoted') IS NULL
        )
    ) WHERE id = NEW.id;
    INSERT INTO sync_outbox (table_name, row_id, stamp) VALUES ('support_messages', NEW.id, NEW.changed_at);
END;

-- support_message_attachments
ALTER TABLE support_message_attachments ADD COLUMN sync_origin BLOB;
DROP TRIGGER support_message_attachments_sync_update;
CREATE TRIGGER support_message_attachments_sync_update AFTER UPDATE ON support_message_attachments
WHEN (SELECT applying FROM sync_control) = 0
    AND (OLD.message_id IS NOT NEW.message_id OR OLD.file_name IS NOT NEW.file_name OR OLD.content_type IS NOT NEW.content_type OR OLD.content_hash IS NOT NEW.content_hash OR OLD.size_bytes IS NOT NEW.size_bytes OR OLD.deleted IS NOT NEW.deleted)
BEGIN
    UPDATE support_message_attachments SET sync_origin = NULL, sync_versions = (
        SELECT CASE WHEN count(*) = 0 THEN NULL ELSE json_group_object(field, json(version)) END
        FROM (
            SELECT key AS field, value AS version
            FROM json_each(coalesce(OLD.sync_versions, '{}'))
            WHERE NOT ((key = 'message_id' AND OLD.message_id IS NOT NEW.message_id) OR
                    (key = 'file_name' AND OLD.file_name IS NOT NEW.file_name) OR
                    (key = 'content_type' AND OLD.content_type IS NOT NEW.content_type) OR
                    (key = 'content_hash' AND OLD.content_hash IS NOT NEW.content_hash) OR
                    (key = 'size_bytes' AND OLD.size_bytes IS NOT NEW.size_bytes) OR
                    (key = 'deleted' AND OLD.deleted IS NOT NEW.deleted))
            UNION ALL
            SELECT 'message_id', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.message_id IS NEW.message_id AND json_type(coalesce(OLD.sync_versions, '{}'), '$.message_id') IS NULL
            UNION ALL
            SELECT 'file_name', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.file_name IS NEW.file_name AND json_type(coalesce(OLD.sync_versions, '{}'), '$.file_name') IS NULL
            UNION ALL
            SELECT 'content_type', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.content_type IS NEW.content_type AND json_type(coalesce(OLD.sync_versions, '{}'), '$.content_type') IS NULL
            UNION ALL
            SELECT 'content_hash', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.content_hash IS NEW.content_hash AND json_type(coalesce(OLD.sync_versions, '{}'), '$.content_hash') IS NULL
            UNION ALL
            SELECT 'size_bytes', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.size_bytes IS NEW.size_bytes AND json_type(coalesce(OLD.sync_versions, '{}'), '$.size_bytes') IS NULL
            UNION ALL
            SELECT 'deleted', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.deleted IS NEW.deleted AND json_type(coalesce(OLD.sync_versions, '{}'), '$.deleted') IS NULL
        )
    ) WHERE id = NEW.id;
    INSERT INTO sync_outbox (table_name, row_id, stamp) VALUES ('support_message_attachments', NEW.id, NEW.changed_at);
END;

-- ticket_types
ALTER TABLE ticket_types ADD COLUMN sync_origin BLOB;
DROP TRIGGER ticket_types_sync_update;
CREATE TRIGGER ticket_types_sync_update AFTER UPDATE ON ticket_types
WHEN (SELECT applying FROM sync_control) = 0
    AND (OLD.name IS NOT NEW.name OR OLD.destined_user_id IS NOT NEW.destined_user_id OR OLD.destined_role_id IS NOT NEW.destined_role_id OR OLD.sla_hours IS NOT NEW.sla_hours OR OLD.deleted IS NOT NEW.deleted OR OLD.active IS NOT NEW.active OR OLD.sla_calendar IS NOT NEW.sla_calendar)
BEGIN
    UPDATE ticket_types SET sync_origin = NULL, sync_versions = (
        SELECT CASE WHEN count(*) = 0 THEN NULL ELSE json_group_object(field, json(version)) END
        FROM (
            SELECT key AS field, value AS version
            FROM json_each(coalesce(OLD.sync_versions, '{}'))
            WHERE NOT ((key = 'name' AND OLD.name IS NOT NEW.name) OR
                    (key = 'destined_user_id' AND OLD.destined_user_id IS NOT NEW.destined_user_id) OR
                    (key = 'destined_role_id' AND OLD.destined_role_id IS NOT NEW.destined_role_id) OR
                    (key = 'sla_hours' AND OLD.sla_hours IS NOT NEW.sla_hours) OR
                    (key = 'deleted' AND OLD.deleted IS NOT NEW.deleted) OR
                    (key = 'active' AND OLD.active IS NOT NEW.active) OR
                    (key = 'sla_calendar' AND OLD.sla_calendar IS NOT NEW.sla_calendar))
            UNION ALL
            SELECT 'name', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.name IS NEW.name AND json_type(coalesce(OLD.sync_versions, '{}'), '$.name') IS NULL
            UNION ALL
            SELECT 'destined_user_id', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.destined_user_id IS NEW.destined_user_id AND json_type(coalesce(OLD.sync_versions, '{}'), '$.destined_user_id') IS NULL
            UNION ALL
            SELECT 'destined_role_id', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.destined_role_id IS NEW.destined_role_id AND json_type(coalesce(OLD.sync_versions, '{}'), '$.destined_role_id') IS NULL
            UNION ALL
            SELECT 'sla_hours', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.sla_hours IS NEW.sla_hours AND json_type(coalesce(OLD.sync_versions, '{}'), '$.sla_hours') IS NULL
            UNION ALL
            SELECT 'deleted', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.deleted IS NEW.deleted AND json_type(coalesce(OLD.sync_versions, '{}'), '$.deleted') IS NULL
            UNION ALL
            SELECT 'active', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.active IS NEW.active AND json_type(coalesce(OLD.sync_versions, '{}'), '$.active') IS NULL
            UNION ALL
            SELECT 'sla_calendar', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.sla_calendar IS NEW.sla_calendar AND json_type(coalesce(OLD.sync_versions, '{}'), '$.sla_calendar') IS NULL
        )
    ) WHERE id = NEW.id;
    INSERT INTO sync_outbox (table_name, row_id, stamp) VALUES ('ticket_types', NEW.id, NEW.changed_at);
END;

-- work_order_types
ALTER TABLE work_order_types ADD COLUMN sync_origin BLOB;
DROP TRIGGER work_order_types_sync_update;
CREATE TRIGGER work_order_types_sync_update AFTER UPDATE ON work_order_types
WHEN (SELECT applying FROM sync_control) = 0
    AND (OLD.name IS NOT NEW.name OR OLD.is_site_survey IS NOT NEW.is_site_survey OR OLD.default_minutes IS NOT NEW.default_minutes OR OLD.color IS NOT NEW.color OR OLD.deleted IS NOT NEW.deleted OR OLD.active IS NOT NEW.active)
BEGIN
    UPDATE work_order_types SET sync_origin = NULL, sync_versions = (
        SELECT CASE WHEN count(*) = 0 THEN NULL ELSE json_group_object(field, json(version)) END
        FROM (
            SELECT key AS field, value AS version
            FROM json_each(coalesce(OLD.sync_versions, '{}'))
            WHERE NOT ((key = 'name' AND OLD.name IS NOT NEW.name) OR
                    (key = 'is_site_survey' AND OLD.is_site_survey IS NOT NEW.is_site_survey) OR
                    (key = 'default_minutes' AND OLD.default_minutes IS NOT NEW.default_minutes) OR
                    (key = 'color' AND OLD.color IS NOT NEW.color) OR
                    (key = 'deleted' AND OLD.deleted IS NOT NEW.deleted) OR
                    (key = 'active' AND OLD.active IS NOT NEW.active))
            UNION ALL
            SELECT 'name', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.name IS NEW.name AND json_type(coalesce(OLD.sync_versions, '{}'), '$.name') IS NULL
            UNION ALL
            SELECT 'is_site_survey', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.is_site_survey IS NEW.is_site_survey AND json_type(coalesce(OLD.sync_versions, '{}'), '$.is_site_survey') IS NULL
            UNION ALL
            SELECT 'default_minutes', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.default_minutes IS NEW.default_minutes AND json_type(coalesce(OLD.sync_versions, '{}'), '$.default_minutes') IS NULL
            UNION ALL
            SELECT 'color', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.color IS NEW.color AND json_type(coalesce(OLD.sync_versions, '{}'), '$.color') IS NULL
            UNION ALL
            SELECT 'deleted', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.deleted IS NEW.deleted AND json_type(coalesce(OLD.sync_versions, '{}'), '$.deleted') IS NULL
            UNION ALL
            SELECT 'active', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.active IS NEW.active AND json_type(coalesce(OLD.sync_versions, '{}'), '$.active') IS NULL
        )
    ) WHERE id = NEW.id;
    INSERT INTO sync_outbox (table_name, row_id, stamp) VALUES ('work_order_types', NEW.id, NEW.changed_at);
END;

-- work_order_statuses
ALTER TABLE work_order_statuses ADD COLUMN sync_origin BLOB;
DROP TRIGGER work_order_statuses_sync_update;
CREATE TRIGGER work_order_statuses_sync_update AFTER UPDATE ON work_order_statuses
WHEN (SELECT applying FROM sync_control) = 0
    AND (OLD.name IS NOT NEW.name OR OLD.color IS NOT NEW.color OR OLD.is_final IS NOT NEW.is_final OR OLD.position IS NOT NEW.position OR OLD.deleted IS NOT NEW.deleted OR OLD.active IS NOT NEW.active OR OLD.stage IS NOT NEW.stage)
BEGIN
    UPDATE work_order_statuses SET sync_origin = NULL, sync_versions = (
        SELECT CASE WHEN count(*) = 0 THEN NULL ELSE json_group_object(field, json(version)) END
        FROM (
            SELECT key AS field, value AS version
            FROM json_each(coalesce(OLD.sync_versions, '{}'))
            WHERE NOT ((key = 'name' AND OLD.name IS NOT NEW.name) OR
                    (key = 'color' AND OLD.color IS NOT NEW.color) OR
                    (key = 'is_final' AND OLD.is_final IS NOT NEW.is_final) OR
                    (key = 'position' AND OLD.position IS NOT NEW.position) OR
                    (key = 'deleted' AND OLD.deleted IS NOT NEW.deleted) OR
                    (key = 'active' AND OLD.active IS NOT NEW.active) OR
                    (key = 'stage' AND OLD.stage IS NOT NEW.stage))
            UNION ALL
            SELECT 'name', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.name IS NEW.name AND json_type(coalesce(OLD.sync_versions, '{}'), '$.name') IS NULL
            UNION ALL
            SELECT 'color', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.color IS NEW.color AND json_type(coalesce(OLD.sync_versions, '{}'), '$.color') IS NULL
            UNION ALL
            SELECT 'is_final', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.is_final IS NEW.is_final AND json_type(coalesce(OLD.sync_versions, '{}'), '$.is_final') IS NULL
            UNION ALL
            SELECT 'position', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.position IS NEW.position AND json_type(coalesce(OLD.sync_versions, '{}'), '$.position') IS NULL
            UNION ALL
            SELECT 'deleted', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.deleted IS NEW.deleted AND json_type(coalesce(OLD.sync_versions, '{}'), '$.deleted') IS NULL
            UNION ALL
            SELECT 'active', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.active IS NEW.active AND json_type(coalesce(OLD.sync_versions, '{}'), '$.active') IS NULL
            UNION ALL
            SELECT 'stage', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.stage IS NEW.stage AND json_type(coalesce(OLD.sync_versions, '{}'), '$.stage') IS NULL
        )
    ) WHERE id = NEW.id;
    INSERT INTO sync_outbox (table_name, row_id, stamp) VALUES ('work_order_statuses', NEW.id, NEW.changed_at);
END;

-- scripts
ALTER TABLE scripts ADD COLUMN sync_origin BLOB;
DROP TRIGGER scripts_sync_update;
CREATE TRIGGER scripts_sync_update AFTER UPDATE ON scripts
WHEN (SELECT applying FROM sync_control) = 0
    AND (OLD.name IS NOT NEW.name OR OLD.keywords IS NOT NEW.keywords OR OLD.deleted IS NOT NEW.deleted)
BEGIN
    UPDATE scripts SET sync_origin = NULL, sync_versions = (
        SELECT CASE WHEN count(*) = 0 THEN NULL ELSE json_group_object(field, json(version)) END
        FROM (
            SELECT key AS field, value AS version
            FROM json_each(coalesce(OLD.sync_versions, '{}'))
            WHERE NOT ((key = 'name' AND OLD.name IS NOT NEW.name) OR
                    (key = 'keywords' AND OLD.keywords IS NOT NEW.keywords) OR
                    (key = 'deleted' AND OLD.deleted IS NOT NEW.deleted))
            UNION ALL
            SELECT 'name', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.name IS NEW.name AND json_type(coalesce(OLD.sync_versions, '{}'), '$.name') IS NULL
            UNION ALL
            SELECT 'keywords', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.keywords IS NEW.keywords AND json_type(coalesce(OLD.sync_versions, '{}'), '$.keywords') IS NULL
            UNION ALL
            SELECT 'deleted', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.deleted IS NEW.deleted AND json_type(coalesce(OLD.sync_versions, '{}'), '$.deleted') IS NULL
        )
    ) WHERE id = NEW.id;
    INSERT INTO sync_outbox (table_name, row_id, stamp) VALUES ('scripts', NEW.id, NEW.changed_at);
END;

-- script_versions
ALTER TABLE script_versions ADD COLUMN sync_origin BLOB;
DROP TRIGGER script_versions_sync_update;
CREATE TRIGGER script_versions_sync_update AFTER UPDATE ON script_versions
WHEN (SELECT applying FROM sync_control) = 0
    AND (OLD.script_id IS NOT NEW.script_id OR OLD.version IS NOT NEW.version OR OLD.definition IS NOT NEW.definition OR OLD.published_at IS NOT NEW.published_at OR OLD.deleted IS NOT NEW.deleted OR OLD.nodes IS NOT NEW.nodes)
BEGIN
    UPDATE script_versions SET sync_origin = NULL, sync_versions = (
        SELECT CASE WHEN count(*) = 0 THEN NULL ELSE json_group_object(field, json(version)) END
        FROM (
            SELECT key AS field, value AS version
            FROM json_each(coalesce(OLD.sync_versions, '{}'))
            WHERE NOT ((key = 'script_id' AND OLD.script_id IS NOT NEW.script_id) OR
                    (key = 'version' AND OLD.version IS NOT NEW.version) OR
                    (key = 'definition' AND OLD.definition IS NOT NEW.definition) OR
                    (key = 'published_at' AND OLD.published_at IS NOT NEW.published_at) OR
                    (key = 'deleted' AND OLD.deleted IS NOT NEW.deleted) OR
                    (key = 'nodes' AND OLD.nodes IS NOT NEW.nodes))
            UNION ALL
            SELECT 'script_id', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.script_id IS NEW.script_id AND json_type(coalesce(OLD.sync_versions, '{}'), '$.script_id') IS NULL
            UNION ALL
            SELECT 'version', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.version IS NEW.version AND json_type(coalesce(OLD.sync_versions, '{}'), '$.version') IS NULL
            UNION ALL
            SELECT 'definition', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.definition IS NEW.definition AND json_type(coalesce(OLD.sync_versions, '{}'), '$.definition') IS NULL
            UNION ALL
            SELECT 'published_at', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.published_at IS NEW.published_at AND json_type(coalesce(OLD.sync_versions, '{}'), '$.published_at') IS NULL
            UNION ALL
            SELECT 'deleted', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.deleted IS NEW.deleted AND json_type(coalesce(OLD.sync_versions, '{}'), '$.deleted') IS NULL
            UNION ALL
            SELECT 'nodes', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.nodes IS NEW.nodes AND json_type(coalesce(OLD.sync_versions, '{}'), '$.nodes') IS NULL
        )
    ) WHERE id = NEW.id;
    INSERT INTO sync_outbox (table_name, row_id, stamp) VALUES ('script_versions', NEW.id, NEW.changed_at);
END;

-- email_templates
ALTER TABLE email_templates ADD COLUMN sync_origin BLOB;
DROP TRIGGER email_templates_sync_update;
CREATE TRIGGER email_templates_sync_update AFTER UPDATE ON email_templates
WHEN (SELECT applying FROM sync_control) = 0
    AND (OLD.name IS NOT NEW.name OR OLD.subject IS NOT NEW.subject OR OLD.body IS NOT NEW.body OR OLD.role_ids IS NOT NEW.role_ids OR OLD.deleted IS NOT NEW.deleted)
BEGIN
    UPDATE email_templates SET sync_origin = NULL, sync_versions = (
        SELECT CASE WHEN count(*) = 0 THEN NULL ELSE json_group_object(field, json(version)) END
        FROM (
            SELECT key AS field, value AS version
            FROM json_each(coalesce(OLD.sync_versions, '{}'))
            WHERE NOT ((key = 'name' AND OLD.name IS NOT NEW.name) OR
                    (key = 'subject' AND OLD.subject IS NOT NEW.subject) OR
                    (key = 'body' AND OLD.body IS NOT NEW.body) OR
                    (key = 'role_ids' AND OLD.role_ids IS NOT NEW.role_ids) OR
                    (key = 'deleted' AND OLD.deleted IS NOT NEW.deleted))
            UNION ALL
            SELECT 'name', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.name IS NEW.name AND json_type(coalesce(OLD.sync_versions, '{}'), '$.name') IS NULL
            UNION ALL
            SELECT 'subject', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.subject IS NEW.subject AND json_type(coalesce(OLD.sync_versions, '{}'), '$.subject') IS NULL
            UNION ALL
            SELECT 'body', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.body IS NEW.body AND json_type(coalesce(OLD.sync_versions, '{}'), '$.body') IS NULL
            UNION ALL
            SELECT 'role_ids', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.role_ids IS NEW.role_ids AND json_type(coalesce(OLD.sync_versions, '{}'), '$.role_ids') IS NULL
            UNION ALL
            SELECT 'deleted', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.deleted IS NEW.deleted AND json_type(coalesce(OLD.sync_versions, '{}'), '$.deleted') IS NULL
        )
    ) WHERE id = NEW.id;
    INSERT INTO sync_outbox (table_name, row_id, stamp) VALUES ('email_templates', NEW.id, NEW.changed_at);
END;

-- tickets
ALTER TABLE tickets ADD COLUMN sync_origin BLOB;
DROP TRIGGER tickets_sync_update;
CREATE TRIGGER tickets_sync_update AFTER UPDATE ON tickets
WHEN (SELECT applying FROM sync_control) = 0
    AND (OLD.protocol IS NOT NEW.protocol OR OLD.origin IS NOT NEW.origin OR OLD.customer_id IS NOT NEW.customer_id OR OLD.customer_plan_id IS NOT NEW.customer_plan_id OR OLD.support_message_id IS NOT NEW.support_message_id OR OLD.problem IS NOT NEW.problem OR OLD.ticket_type_id IS NOT NEW.ticket_type_id OR OLD.assigned_user_id IS NOT NEW.assigned_user_id OR OLD.assigned_role_id IS NOT NEW.assigned_role_id OR OLD.status IS NOT NEW.status OR OLD.opened_by IS NOT NEW.opened_by OR OLD.opened_at IS NOT NEW.opened_at OR OLD.due_at IS NOT NEW.due_at OR OLD.resolved_at IS NOT NEW.resolved_at OR OLD.deleted IS NOT NEW.deleted OR OLD.new_plan_id IS NOT NEW.new_plan_id OR OLD.first_contact_resolved IS NOT NEW.first_contact_resolved)
BEGIN
    UPDATE tickets SET sync_origin = NULL, sync_versions = (
        SELECT CASE WHEN count(*) = 0 THEN NULL ELSE json_group_object(field, json(version)) END
        FROM (
            SELECT key AS field, value AS version
            FROM json_each(coalesce(OLD.sync_versions, '{}'))
            WHERE NOT ((key = 'protocol' AND OLD.protocol IS NOT NEW.protocol) OR
                    (key = 'origin' AND OLD.origin IS NOT NEW.origin) OR
                    (key = 'customer_id' AND OLD.customer_id IS NOT NEW.customer_id) OR
                    (key = 'customer_plan_id' AND OLD.customer_plan_id IS NOT NEW.customer_plan_id) OR
                    (key = 'support_message_id' AND OLD.support_message_id IS NOT NEW.support_message_id) OR
                    (key = 'problem' AND OLD.problem IS NOT NEW.problem) OR
                    (key = 'ticket_type_id' AND OLD.ticket_type_id IS NOT NEW.ticket_type_id) OR
                    (key = 'assigned_user_id' AND OLD.assigned_user_id IS NOT NEW.assigned_user_id) OR
                    (key = 'assigned_role_id' AND OLD.assigned_role_id IS NOT NEW.assigned_role_id) OR
                    (key = 'status' AND OLD.status IS NOT NEW.status) OR
                    (key = 'opened_by' AND OLD.opened_by IS NOT NEW.opened_by) OR
                    (key = 'opened_at' AND OLD.opened_at IS NOT NEW.opened_at) OR
                    (key = 'due_at' AND OLD.due_at IS NOT NEW.due_at) OR
                    (key = 'resolved_at' AND OLD.resolved_at IS NOT NEW.resolved_at) OR
                    (key = 'deleted' AND OLD.deleted IS NOT NEW.deleted) OR
                    (key = 'new_plan_id' AND OLD.new_plan_id IS NOT NEW.new_plan_id) OR
                    (key = 'first_contact_resolved' AND OLD.first_contact_resolved IS NOT NEW.first_contact_resolved))
            UNION ALL
            SELECT 'protocol', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.protocol IS NEW.protocol AND json_type(coalesce(OLD.sync_versions, '{}'), '$.protocol') IS NULL
            UNION ALL
            SELECT 'origin', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.origin IS NEW.origin AND json_type(coalesce(OLD.sync_versions, '{}'), '$.origin') IS NULL
            UNION ALL
            SELECT 'customer_id', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.customer_id IS NEW.customer_id AND json_type(coalesce(OLD.sync_versions, '{}'), '$.customer_id') IS NULL
            UNION ALL
            SELECT 'customer_plan_id', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.customer_plan_id IS NEW.customer_plan_id AND json_type(coalesce(OLD.sync_versions, '{}'), '$.customer_plan_id') IS NULL
            UNION ALL
            SELECT 'support_message_id', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.support_message_id IS NEW.support_message_id AND json_type(coalesce(OLD.sync_versions, '{}'), '$.support_message_id') IS NULL
            UNION ALL
            SELECT 'problem', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.problem IS NEW.problem AND json_type(coalesce(OLD.sync_versions, '{}'), '$.problem') IS NULL
            UNION ALL
            SELECT 'ticket_type_id', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.ticket_type_id IS NEW.ticket_type_id AND json_type(coalesce(OLD.sync_versions, '{}'), '$.ticket_type_id') IS NULL
            UNION ALL
            SELECT 'assigned_user_id', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.assigned_user_id IS NEW.assigned_user_id AND json_type(coalesce(OLD.sync_versions, '{}'), '$.assigned_user_id') IS NULL
            UNION ALL
            SELECT 'assigned_role_id', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.assigned_role_id IS NEW.assigned_role_id AND json_type(coalesce(OLD.sync_versions, '{}'), '$.assigned_role_id') IS NULL
            UNION ALL
            SELECT 'status', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.status IS NEW.status AND json_type(coalesce(OLD.sync_versions, '{}'), '$.status') IS NULL
            UNION ALL
            SELECT 'opened_by', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.opened_by IS NEW.opened_by AND json_type(coalesce(OLD.sync_versions, '{}'), '$.opened_by') IS NULL
            UNION ALL
            SELECT 'opened_at', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.opened_at IS NEW.opened_at AND json_type(coalesce(OLD.sync_versions, '{}'), '$.opened_at') IS NULL
            UNION ALL
            SELECT 'due_at', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.due_at IS NEW.due_at AND json_type(coalesce(OLD.sync_versions, '{}'), '$.due_at') IS NULL
            UNION ALL
            SELECT 'resolved_at', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.resolved_at IS NEW.resolved_at AND json_type(coalesce(OLD.sync_versions, '{}'), '$.resolved_at') IS NULL
            UNION ALL
            SELECT 'deleted', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.deleted IS NEW.deleted AND json_type(coalesce(OLD.sync_versions, '{}'), '$.deleted') IS NULL
            UNION ALL
            SELECT 'new_plan_id', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.new_plan_id IS NEW.new_plan_id AND json_type(coalesce(OLD.sync_versions, '{}'), '$.new_plan_id') IS NULL
            UNION ALL
            SELECT 'first_contact_resolved', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.first_contact_resolved IS NEW.first_contact_resolved AND json_type(coalesce(OLD.sync_versions, '{}'), '$.first_contact_resolved') IS NULL
        )
    ) WHERE id = NEW.id;
    INSERT INTO sync_outbox (table_name, row_id, stamp) VALUES ('tickets', NEW.id, NEW.changed_at);
END;

-- ticket_events
ALTER TABLE ticket_events ADD COLUMN sync_origin BLOB;
DROP TRIGGER ticket_events_sync_update;
CREATE TRIGGER ticket_events_sync_update AFTER UPDATE ON ticket_events
WHEN (SELECT applying FROM sync_control) = 0
    AND (OLD.ticket_id IS NOT NEW.ticket_id OR OLD.kind IS NOT NEW.kind OR OLD.payload IS NOT NEW.payload OR OLD.user_id IS NOT NEW.user_id OR OLD.at IS NOT NEW.at)
BEGIN
    UPDATE ticket_events SET sync_origin = NULL, sync_versions = (
        SELECT CASE WHEN count(*) = 0 THEN NULL ELSE json_group_object(field, json(version)) END
        FROM (
            SELECT key AS field, value AS version
            FROM json_each(coalesce(OLD.sync_versions, '{}'))
            WHERE NOT ((key = 'ticket_id' AND OLD.ticket_id IS NOT NEW.ticket_id) OR
                    (key = 'kind' AND OLD.kind IS NOT NEW.kind) OR
                    (key = 'payload' AND OLD.payload IS NOT NEW.payload) OR
                    (key = 'user_id' AND OLD.user_id IS NOT NEW.user_id) OR
                    (key = 'at' AND OLD.at IS NOT NEW.at))
            UNION ALL
            SELECT 'ticket_id', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.ticket_id IS NEW.ticket_id AND json_type(coalesce(OLD.sync_versions, '{}'), '$.ticket_id') IS NULL
            UNION ALL
            SELECT 'kind', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.kind IS NEW.kind AND json_type(coalesce(OLD.sync_versions, '{}'), '$.kind') IS NULL
            UNION ALL
            SELECT 'payload', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.payload IS NEW.payload AND json_type(coalesce(OLD.sync_versions, '{}'), '$.payload') IS NULL
            UNION ALL
            SELECT 'user_id', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.user_id IS NEW.user_id AND json_type(coalesce(OLD.sync_versions, '{}'), '$.user_id') IS NULL
            UNION ALL
            SELECT 'at', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.at IS NEW.at AND json_type(coalesce(OLD.sync_versions, '{}'), '$.at') IS NULL
        )
    ) WHERE id = NEW.id;
    INSERT INTO sync_outbox (table_name, row_id, stamp) VALUES ('ticket_events', NEW.id, NEW.changed_at);
END;

-- work_orders
ALTER TABLE work_orders ADD COLUMN sync_origin BLOB;
DROP TRIGGER work_orders_sync_update;
CREATE TRIGGER work_orders_sync_update AFTER UPDATE ON work_orders
WHEN (SELECT applying FROM sync_control) = 0
    AND (OLD.ticket_id IS NOT NEW.ticket_id OR OLD.customer_id IS NOT NEW.customer_id OR OLD.technician_id IS NOT NEW.technician_id OR OLD.type_id IS NOT NEW.type_id OR OLD.status_id IS NOT NEW.status_id OR OLD.starts_at IS NOT NEW.starts_at OR OLD.ends_at IS NOT NEW.ends_at OR OLD.description IS NOT NEW.description OR OLD.address IS NOT NEW.address OR OLD.deleted IS NOT NEW.deleted OR OLD.started_at IS NOT NEW.started_at OR OLD.finished_at IS NOT NEW.finished_at OR OLD.report IS NOT NEW.report OR OLD.outcome IS NOT NEW.outcome)
BEGIN
    UPDATE work_orders SET sync_origin = NULL, sync_versions = (
        SELECT CASE WHEN count(*) = 0 THEN NULL ELSE json_group_object(field, json(version)) END
        FROM (
            SELECT key AS field, value AS version
            FROM json_each(coalesce(OLD.sync_versions, '{}'))
            WHERE NOT ((key = 'ticket_id' AND OLD.ticket_id IS NOT NEW.ticket_id) OR
                    (key = 'customer_id' AND OLD.customer_id IS NOT NEW.customer_id) OR
                    (key = 'technician_id' AND OLD.technician_id IS NOT NEW.technician_id) OR
                    (key = 'type_id' AND OLD.type_id IS NOT NEW.type_id) OR
                    (key = 'status_id' AND OLD.status_id IS NOT NEW.status_id) OR
                    (key = 'starts_at' AND OLD.starts_at IS NOT NEW.starts_at) OR
                    (key = 'ends_at' AND OLD.ends_at IS NOT NEW.ends_at) OR
                    (key = 'description' AND OLD.description IS NOT NEW.description) OR
                    (key = 'address' AND OLD.address IS NOT NEW.address) OR
                    (key = 'deleted' AND OLD.deleted IS NOT NEW.deleted) OR
                    (key = 'started_at' AND OLD.started_at IS NOT NEW.started_at) OR
                    (key = 'finished_at' AND OLD.finished_at IS NOT NEW.finished_at) OR
                    (key = 'report' AND OLD.report IS NOT NEW.report) OR
                    (key = 'outcome' AND OLD.outcome IS NOT NEW.outcome))
            UNION ALL
            SELECT 'ticket_id', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.ticket_id IS NEW.ticket_id AND json_type(coalesce(OLD.sync_versions, '{}'), '$.ticket_id') IS NULL
            UNION ALL
            SELECT 'customer_id', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.customer_id IS NEW.customer_id AND json_type(coalesce(OLD.sync_versions, '{}'), '$.customer_id') IS NULL
            UNION ALL
            SELECT 'technician_id', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.technician_id IS NEW.technician_id AND json_type(coalesce(OLD.sync_versions, '{}'), '$.technician_id') IS NULL
            UNION ALL
            SELECT 'type_id', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.type_id IS NEW.type_id AND json_type(coalesce(OLD.sync_versions, '{}'), '$.type_id') IS NULL
            UNION ALL
            SELECT 'status_id', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.status_id IS NEW.status_id AND json_type(coalesce(OLD.sync_versions, '{}'), '$.status_id') IS NULL
            UNION ALL
            SELECT 'starts_at', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.starts_at IS NEW.starts_at AND json_type(coalesce(OLD.sync_versions, '{}'), '$.starts_at') IS NULL
            UNION ALL
            SELECT 'ends_at', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.ends_at IS NEW.ends_at AND json_type(coalesce(OLD.sync_versions, '{}'), '$.ends_at') IS NULL
            UNION ALL
            SELECT 'description', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.description IS NEW.description AND json_type(coalesce(OLD.sync_versions, '{}'), '$.description') IS NULL
            UNION ALL
            SELECT 'address', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.address IS NEW.address AND json_type(coalesce(OLD.sync_versions, '{}'), '$.address') IS NULL
            UNION ALL
            SELECT 'deleted', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.deleted IS NEW.deleted AND json_type(coalesce(OLD.sync_versions, '{}'), '$.deleted') IS NULL
            UNION ALL
            SELECT 'started_at', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.started_at IS NEW.started_at AND json_type(coalesce(OLD.sync_versions, '{}'), '$.started_at') IS NULL
            UNION ALL
            SELECT 'finished_at', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.finished_at IS NEW.finished_at AND json_type(coalesce(OLD.sync_versions, '{}'), '$.finished_at') IS NULL
            UNION ALL
            SELECT 'report', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.report IS NEW.report AND json_type(coalesce(OLD.sync_versions, '{}'), '$.report') IS NULL
            UNION ALL
            SELECT 'outcome', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.outcome IS NEW.outcome AND json_type(coalesce(OLD.sync_versions, '{}'), '$.outcome') IS NULL
        )
    ) WHERE id = NEW.id;
    INSERT INTO sync_outbox (table_name, row_id, stamp) VALUES ('work_orders', NEW.id, NEW.changed_at);
END;

-- tasks
ALTER TABLE tasks ADD COLUMN sync_origin BLOB;
DROP TRIGGER tasks_sync_update;
CREATE TRIGGER tasks_sync_update AFTER UPDATE ON tasks
WHEN (SELECT applying FROM sync_control) = 0
    AND (OLD.ticket_id IS NOT NEW.ticket_id OR OLD.title IS NOT NEW.title OR OLD.description IS NOT NEW.description OR OLD.assignee_user_id IS NOT NEW.assignee_user_id OR OLD.assignee_role_id IS NOT NEW.assignee_role_id OR OLD.due_at IS NOT NEW.due_at OR OLD.done_at IS NOT NEW.done_at OR OLD.created_by IS NOT NEW.created_by OR OLD.deleted IS NOT NEW.deleted)
BEGIN
    UPDATE tasks SET sync_origin = NULL, sync_versions = (
        SELECT CASE WHEN count(*) = 0 THEN NULL ELSE json_group_object(field, json(version)) END
        FROM (
            SELECT key AS field, value AS version
            FROM json_each(coalesce(OLD.sync_versions, '{}'))
            WHERE NOT ((key = 'ticket_id' AND OLD.ticket_id IS NOT NEW.ticket_id) OR
                    (key = 'title' AND OLD.title IS NOT NEW.title) OR
                    (key = 'description' AND OLD.description IS NOT NEW.description) OR
                    (key = 'assignee_user_id' AND OLD.assignee_user_id IS NOT NEW.assignee_user_id) OR
                    (key = 'assignee_role_id' AND OLD.assignee_role_id IS NOT NEW.assignee_role_id) OR
                    (key = 'due_at' AND OLD.due_at IS NOT NEW.due_at) OR
                    (key = 'done_at' AND OLD.done_at IS NOT NEW.done_at) OR
                    (key = 'created_by' AND OLD.created_by IS NOT NEW.created_by) OR
                    (key = 'deleted' AND OLD.deleted IS NOT NEW.deleted))
            UNION ALL
            SELECT 'ticket_id', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.ticket_id IS NEW.ticket_id AND json_type(coalesce(OLD.sync_versions, '{}'), '$.ticket_id') IS NULL
            UNION ALL
            SELECT 'title', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.title IS NEW.title AND json_type(coalesce(OLD.sync_versions, '{}'), '$.title') IS NULL
            UNION ALL
            SELECT 'description', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.description IS NEW.description AND json_type(coalesce(OLD.sync_versions, '{}'), '$.description') IS NULL
            UNION ALL
            SELECT 'assignee_user_id', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.assignee_user_id IS NEW.assignee_user_id AND json_type(coalesce(OLD.sync_versions, '{}'), '$.assignee_user_id') IS NULL
            UNION ALL
            SELECT 'assignee_role_id', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.assignee_role_id IS NEW.assignee_role_id AND json_type(coalesce(OLD.sync_versions, '{}'), '$.assignee_role_id') IS NULL
            UNION ALL
            SELECT 'due_at', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.due_at IS NEW.due_at AND json_type(coalesce(OLD.sync_versions, '{}'), '$.due_at') IS NULL
            UNION ALL
            SELECT 'done_at', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.done_at IS NEW.done_at AND json_type(coalesce(OLD.sync_versions, '{}'), '$.done_at') IS NULL
            UNION ALL
            SELECT 'created_by', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.created_by IS NEW.created_by AND json_type(coalesce(OLD.sync_versions, '{}'), '$.created_by') IS NULL
            UNION ALL
            SELECT 'deleted', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.deleted IS NEW.deleted AND json_type(coalesce(OLD.sync_versions, '{}'), '$.deleted') IS NULL
        )
    ) WHERE id = NEW.id;
    INSERT INTO sync_outbox (table_name, row_id, stamp) VALUES ('tasks', NEW.id, NEW.changed_at);
END;

-- attachments
ALTER TABLE attachments ADD COLUMN sync_origin BLOB;
DROP TRIGGER attachments_sync_update;
CREATE TRIGGER attachments_sync_update AFTER UPDATE ON attachments
WHEN (SELECT applying FROM sync_control) = 0
    AND (OLD.ticket_id IS NOT NEW.ticket_id OR OLD.file_name IS NOT NEW.file_name OR OLD.content_hash IS NOT NEW.content_hash OR OLD.size_bytes IS NOT NEW.size_bytes OR OLD.notes IS NOT NEW.notes OR OLD.added_by IS NOT NEW.added_by OR OLD.added_at IS NOT NEW.added_at OR OLD.deleted IS NOT NEW.deleted)
BEGIN
    UPDATE attachments SET sync_origin = NULL, sync_versions = (
        SELECT CASE WHEN count(*) = 0 THEN NULL ELSE json_group_object(field, json(version)) END
        FROM (
            SELECT key AS field, value AS version
            FROM json_each(coalesce(OLD.sync_versions, '{}'))
            WHERE NOT ((key = 'ticket_id' AND OLD.ticket_id IS NOT NEW.ticket_id) OR
                    (key = 'file_name' AND OLD.file_name IS NOT NEW.file_name) OR
                    (key = 'content_hash' AND OLD.content_hash IS NOT NEW.content_hash) OR
                    (key = 'size_bytes' AND OLD.size_bytes IS NOT NEW.size_bytes) OR
                    (key = 'notes' AND OLD.notes IS NOT NEW.notes) OR
                    (key = 'added_by' AND OLD.added_by IS NOT NEW.added_by) OR
                    (key = 'added_at' AND OLD.added_at IS NOT NEW.added_at) OR
                    (key = 'deleted' AND OLD.deleted IS NOT NEW.deleted))
            UNION ALL
            SELECT 'ticket_id', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.ticket_id IS NEW.ticket_id AND json_type(coalesce(OLD.sync_versions, '{}'), '$.ticket_id') IS NULL
            UNION ALL
            SELECT 'file_name', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.file_name IS NEW.file_name AND json_type(coalesce(OLD.sync_versions, '{}'), '$.file_name') IS NULL
            UNION ALL
            SELECT 'content_hash', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.content_hash IS NEW.content_hash AND json_type(coalesce(OLD.sync_versions, '{}'), '$.content_hash') IS NULL
            UNION ALL
            SELECT 'size_bytes', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.size_bytes IS NEW.size_bytes AND json_type(coalesce(OLD.sync_versions, '{}'), '$.size_bytes') IS NULL
            UNION ALL
            SELECT 'notes', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.notes IS NEW.notes AND json_type(coalesce(OLD.sync_versions, '{}'), '$.notes') IS NULL
            UNION ALL
            SELECT 'added_by', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.added_by IS NEW.added_by AND json_type(coalesce(OLD.sync_versions, '{}'), '$.added_by') IS NULL
            UNION ALL
            SELECT 'added_at', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.added_at IS NEW.added_at AND json_type(coalesce(OLD.sync_versions, '{}'), '$.added_at') IS NULL
            UNION ALL
            SELECT 'deleted', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.deleted IS NEW.deleted AND json_type(coalesce(OLD.sync_versions, '{}'), '$.deleted') IS NULL
        )
    ) WHERE id = NEW.id;
    INSERT INTO sync_outbox (table_name, row_id, stamp) VALUES ('attachments', NEW.id, NEW.changed_at);
END;
