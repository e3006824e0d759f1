-- Administration (issue 15): what a provider needs to run on its own data.
--
-- - Roles say whether they administer (`is_administrator`, no longer the name
--   "Administrador"); users have a team and may have to change their password at their
--   next sign-in; every catalog entry can be deactivated (`active`: hidden from the
--   wizard's choices, kept on the tickets that use it).
-- - New synced tables: `contact_roles` ("Funções de contato") and `provider_settings` (the
--   provider's name and the idle time after which windows lock).
-- - Local only: `login_failures`, the failed sign-ins per login that throttle the next tries.
--
-- The update triggers of the altered tables are made again with the new columns, in the
-- form of migration 20261128000009 (each column's version kept in `sync_versions`).

-- roles
DROP TRIGGER roles_sync_update;
ALTER TABLE roles ADD COLUMN is_administrator INTEGER NOT NULL DEFAULT 0;
ALTER TABLE roles ADD COLUMN active INTEGER NOT NULL DEFAULT 1;
UPDATE roles SET is_administrator = 1 WHERE name = 'Administrador';
-- Every role travels again, whole, so the server learns which ones administer.
INSERT INTO sync_outbox (table_name, row_id, stamp)
    SELECT 'roles', id, changed_at FROM roles ORDER BY rowid;
CREATE TRIGGER roles_sync_update AFTER UPDATE ON roles
WHEN (SELECT applying FROM sync_control) = 0
    AND (OLD.name IS NOT NEW.name OR OLD.deleted IS NOT NEW.deleted OR OLD.is_administrator IS NOT NEW.is_administrator OR OLD.active IS NOT NEW.active)
BEGIN
    UPDATE roles SET sync_versions = (
        SELECT CASE WHEN count(*) = 0 THEN NULL ELSE json_group_object(field, json(version)) END
        FROM (
            SELECT key AS field, value AS version
            FROM json_each(coalesce(OLD.sync_versions, '{}'))
            WHERE NOT ((key = 'name' AND OLD.name IS NOT NEW.name) OR
                    (key = 'deleted' AND OLD.deleted IS NOT NEW.deleted) OR
                    (key = 'is_administrator' AND OLD.is_administrator IS NOT NEW.is_administrator) OR
                    (key = 'active' AND OLD.active IS NOT NEW.active))
            UNION ALL
            SELECT 'name', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.name IS NEW.name AND json_type(coalesce(OLD.sync_versions, '{}'), '$.name') IS NULL
            UNION ALL
            SELECT 'deleted', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.deleted IS NEW.deleted AND json_type(coalesce(OLD.sync_versions, '{}'), '$.deleted') IS NULL
            UNION ALL
            SELECT 'is_administrator', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.is_administrator IS NEW.is_administrator AND json_type(coalesce(OLD.sync_versions, '{}'), '$.is_administrator') IS NULL
            UNION ALL
            SELECT 'active', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.active IS NEW.active AND json_type(coalesce(OLD.sync_versions, '{}'), '$.active') IS NULL
        )
    ) WHERE id = NEW.id;
    INSERT INTO sync_outbox (table_name, row_id, stamp) VALUES ('roles', NEW.id, NEW.changed_at);
END;

-- teams
DROP TRIGGER teams_sync_update;
ALTER TABLE teams ADD COLUMN active INTEGER NOT NULL DEFAULT 1;
CREATE TRIGGER teams_sync_update AFTER UPDATE ON teams
WHEN (SELECT applying FROM sync_control) = 0
    AND (OLD.name IS NOT NEW.name OR OLD.deleted IS NOT NEW.deleted OR OLD.active IS NOT NEW.active)
BEGIN
    UPDATE teams SET sync_versions = (
        SELECT CASE WHEN count(*) = 0 THEN NULL ELSE json_group_object(field, json(version)) END
        FROM (
            SELECT key AS field, value AS version
            FROM json_each(coalesce(OLD.sync_versions, '{}'))
            WHERE NOT ((key = 'name' AND OLD.name IS NOT NEW.name) OR
                    (key = 'deleted' AND OLD.deleted IS NOT NEW.deleted) OR
                    (key = 'active' AND OLD.active IS NOT NEW.active))
            UNION ALL
            SELECT 'name', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.name IS NEW.name AND json_type(coalesce(OLD.sync_versions, '{}'), '$.name') IS NULL
            UNION ALL
            SELECT 'deleted', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.deleted IS NEW.deleted AND json_type(coalesce(OLD.sync_versions, '{}'), '$.deleted') IS NULL
            UNION ALL
            SELECT 'active', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.active IS NEW.active AND json_type(coalesce(OLD.sync_versions, '{}'), '$.active') IS NULL
        )
    ) WHERE id = NEW.id;
    INSERT INTO sync_outbox (table_name, row_id, stamp) VALUES ('teams', NEW.id, NEW.changed_at);
END;

-- users
DROP TRIGGER users_sync_update;
ALTER TABLE users ADD COLUMN team_id BLOB REFERENCES teams(id);
ALTER TABLE users ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0;
CREATE TRIGGER users_sync_update AFTER UPDATE ON users
WHEN (SELECT applying FROM sync_control) = 0
    AND (OLD.login IS NOT NEW.login OR OLD.name IS NOT NEW.name OR OLD.email IS NOT NEW.email OR OLD.password_hash IS NOT NEW.password_hash OR OLD.role_id IS NOT NEW.role_id OR OLD.active IS NOT NEW.active OR OLD.deleted IS NOT NEW.deleted OR OLD.team_id IS NOT NEW.team_id OR OLD.must_change_password IS NOT NEW.must_change_password)
BEGIN
    UPDATE users SET sync_versions = (
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
            SELECT 'login', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.login IS NEW.login AND json_type(coalesce(OLD.sync_versions, '{}'), '$.login') IS NULL
            UNION ALL
            SELECT 'name', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.name IS NEW.name AND json_type(coalesce(OLD.sync_versions, '{}'), '$.name') IS NULL
            UNION ALL
            SELECT 'email', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.email IS NEW.email AND json_type(coalesce(OLD.sync_versions, '{}'), '$.email') IS NULL
            UNION ALL
            SELECT 'password_hash', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.password_hash IS NEW.password_hash AND json_type(coalesce(OLD.sync_versions, '{}'), '$.password_hash') IS NULL
            UNION ALL
            SELECT 'role_id', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.role_id IS NEW.role_id AND json_type(coalesce(OLD.sync_versions, '{}'), '$.role_id') IS NULL
            UNION ALL
            SELECT 'active', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.active IS NEW.active AND json_type(coalesce(OLD.sync_versions, '{}'), '$.active') IS NULL
            UNION ALL
            SELECT 'deleted', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.deleted IS NEW.deleted AND json_type(coalesce(OLD.sync_versions, '{}'), '$.deleted') IS NULL
            UNION ALL
            SELECT 'team_id', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.team_id IS NEW.team_id AND json_type(coalesce(OLD.sync_versions, '{}'), '$.team_id') IS NULL
            UNION ALL
            SELECT 'must_change_password', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.must_change_password IS NEW.must_change_password AND json_type(coalesce(OLD.sync_versions, '{}'), '$.must_change_password') IS NULL
        )
    ) WHERE id = NEW.id;
    INSERT INTO sync_outbox (table_name, row_id, stamp) VALUES ('users', NEW.id, NEW.changed_at);
END;

-- plans
DROP TRIGGER plans_sync_update;
ALTER TABLE plans ADD COLUMN active INTEGER NOT NULL DEFAULT 1;
CREATE TRIGGER plans_sync_update AFTER UPDATE ON plans
WHEN (SELECT applying FROM sync_control) = 0
    AND (OLD.name IS NOT NEW.name OR OLD.technology IS NOT NEW.technology OR OLD.download_mbps IS NOT NEW.download_mbps OR OLD.upload_mbps IS NOT NEW.upload_mbps OR OLD.price_cents IS NOT NEW.price_cents OR OLD.deleted IS NOT NEW.deleted OR OLD.active IS NOT NEW.active)
BEGIN
    UPDATE plans SET sync_versions = (
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
            SELECT 'name', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.name IS NEW.name AND json_type(coalesce(OLD.sync_versions, '{}'), '$.name') IS NULL
            UNION ALL
            SELECT 'technology', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.technology IS NEW.technology AND json_type(coalesce(OLD.sync_versions, '{}'), '$.technology') IS NULL
            UNION ALL
            SELECT 'download_mbps', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.download_mbps IS NEW.download_mbps AND json_type(coalesce(OLD.sync_versions, '{}'), '$.download_mbps') IS NULL
            UNION ALL
            SELECT 'upload_mbps', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.upload_mbps IS NEW.upload_mbps AND json_type(coalesce(OLD.sync_versions, '{}'), '$.upload_mbps') IS NULL
            UNION ALL
            SELECT 'price_cents', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.price_cents IS NEW.price_cents AND json_type(coalesce(OLD.sync_versions, '{}'), '$.price_cents') IS NULL
            UNION ALL
            SELECT 'deleted', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.deleted IS NEW.deleted AND json_type(coalesce(OLD.sync_versions, '{}'), '$.deleted') IS NULL
            UNION ALL
            SELECT 'active', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.active IS NEW.active AND json_type(coalesce(OLD.sync_versions, '{}'), '$.active') IS NULL
        )
    ) WHERE id = NEW.id;
    INSERT INTO sync_outbox (table_name, row_id, stamp) VALUES ('plans', NEW.id, NEW.changed_at);
END;

-- routing_points
DROP TRIGGER routing_points_sync_update;
ALTER TABLE routing_points ADD COLUMN active INTEGER NOT NULL DEFAULT 1;
CREATE TRIGGER routing_points_sync_update AFTER UPDATE ON routing_points
WHEN (SELECT applying FROM sync_control) = 0
    AND (OLD.name IS NOT NEW.name OR OLD.kind IS NOT NEW.kind OR OLD.address IS NOT NEW.address OR OLD.ip IS NOT NEW.ip OR OLD.status IS NOT NEW.status OR OLD.deleted IS NOT NEW.deleted OR OLD.active IS NOT NEW.active)
BEGIN
    UPDATE routing_points SET sync_versions = (
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
            SELECT 'name', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.name IS NEW.name AND json_type(coalesce(OLD.sync_versions, '{}'), '$.name') IS NULL
            UNION ALL
            SELECT 'kind', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.kind IS NEW.kind AND json_type(coalesce(OLD.sync_versions, '{}'), '$.kind') IS NULL
            UNION ALL
            SELECT 'address', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.address IS NEW.address AND json_type(coalesce(OLD.sync_versions, '{}'), '$.address') IS NULL
            UNION ALL
            SELECT 'ip', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.ip IS NEW.ip AND json_type(coalesce(OLD.sync_versions, '{}'), '$.ip') IS NULL
            UNION ALL
            SELECT 'status', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.status IS NEW.status AND json_type(coalesce(OLD.sync_versions, '{}'), '$.status') IS NULL
            UNION ALL
            SELECT 'deleted', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.deleted IS NEW.deleted AND json_type(coalesce(OLD.sync_versions, '{}'), '$.deleted') IS NULL
            UNION ALL
            SELECT 'active', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.active IS NEW.active AND json_type(coalesce(OLD.sync_versions, '{}'), '$.active') IS NULL
        )
    ) WHERE id = NEW.id;
    INSERT INTO sync_outbox (table_name, row_id, stamp) VALUES ('routing_points', NEW.id, NEW.changed_at);
END;

-- ticket_types
DROP TRIGGER ticket_types_sync_update;
ALTER TABLE ticket_types ADD COLUMN active INTEGER NOT NULL DEFAULT 1;
CREATE TRIGGER ticket_types_sync_update AFTER UPDATE ON ticket_types
WHEN (SELECT applying FROM sync_control) = 0
    AND (OLD.name IS NOT NEW.name OR OLD.destined_user_id IS NOT NEW.destined_user_id OR OLD.destined_role_id IS NOT NEW.destined_role_id OR OLD.sla_hours IS NOT NEW.sla_hours OR OLD.deleted IS NOT NEW.deleted OR OLD.active IS NOT NEW.active)
BEGIN
    UPDATE ticket_types SET sync_versions = (
        SELECT CASE WHEN count(*) = 0 THEN NULL ELSE json_group_object(field, json(version)) END
        FROM (
            SELECT key AS field, value AS version
            FROM json_each(coalesce(OLD.sync_versions, '{}'))
            WHERE NOT ((key = 'name' AND OLD.name IS NOT NEW.name) OR
                    (key = 'destined_user_id' AND OLD.destined_user_id IS NOT NEW.destined_user_id) OR
                    (key = 'destined_role_id' AND OLD.destined_role_id IS NOT NEW.destined_role_id) OR
                    (key = 'sla_hours' AND OLD.sla_hours IS NOT NEW.sla_hours) OR
                    (key = 'deleted' AND OLD.deleted IS NOT NEW.deleted) OR
                    (key = 'active' AND OLD.active IS NOT NEW.active))
            UNION ALL
            SELECT 'name', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.name IS NEW.name AND json_type(coalesce(OLD.sync_versions, '{}'), '$.name') IS NULL
            UNION ALL
            SELECT 'destined_user_id', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.destined_user_id IS NEW.destined_user_id AND json_type(coalesce(OLD.sync_versions, '{}'), '$.destined_user_id') IS NULL
            UNION ALL
            SELECT 'destined_role_id', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.destined_role_id IS NEW.destined_role_id AND json_type(coalesce(OLD.sync_versions, '{}'), '$.destined_role_id') IS NULL
            UNION ALL
            SELECT 'sla_hours', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.sla_hours IS NEW.sla_hours AND json_type(coalesce(OLD.sync_versions, '{}'), '$.sla_hours') IS NULL
            UNION ALL
            SELECT 'deleted', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.deleted IS NEW.deleted AND json_type(coalesce(OLD.sync_versions, '{}'), '$.deleted') IS NULL
            UNION ALL
            SELECT 'active', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.active IS NEW.active AND json_type(coalesce(OLD.sync_versions, '{}'), '$.active') IS NULL
        )
    ) WHERE id = NEW.id;
    INSERT INTO sync_outbox (table_name, row_id, stamp) VALUES ('ticket_types', NEW.id, NEW.changed_at);
END;

-- work_order_types
DROP TRIGGER work_order_types_sync_update;
ALTER TABLE work_order_types ADD COLUMN active INTEGER NOT NULL DEFAULT 1;
CREATE TRIGGER work_order_types_sync_update AFTER UPDATE ON work_order_types
WHEN (SELECT applying FROM sync_control) = 0
    AND (OLD.name IS NOT NEW.name OR OLD.is_site_survey IS NOT NEW.is_site_survey OR OLD.default_minutes IS NOT NEW.default_minutes OR OLD.color IS NOT NEW.color OR OLD.deleted IS NOT NEW.deleted OR OLD.active IS NOT NEW.active)
BEGIN
    UPDATE work_order_types SET sync_versions = (
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
            SELECT 'name', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.name IS NEW.name AND json_type(coalesce(OLD.sync_versions, '{}'), '$.name') IS NULL
            UNION ALL
            SELECT 'is_site_survey', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.is_site_survey IS NEW.is_site_survey AND json_type(coalesce(OLD.sync_versions, '{}'), '$.is_site_survey') IS NULL
            UNION ALL
            SELECT 'default_minutes', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.default_minutes IS NEW.default_minutes AND json_type(coalesce(OLD.sync_versions, '{}'), '$.default_minutes') IS NULL
            UNION ALL
            SELECT 'color', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.color IS NEW.color AND json_type(coalesce(OLD.sync_versions, '{}'), '$.color') IS NULL
            UNION ALL
            SELECT 'deleted', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.deleted IS NEW.deleted AND json_type(coalesce(OLD.sync_versions, '{}'), '$.deleted') IS NULL
            UNION ALL
            SELECT 'active', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.active IS NEW.active AND json_type(coalesce(OLD.sync_versions, '{}'), '$.active') IS NULL
        )
    ) WHERE id = NEW.id;
    INSERT INTO sync_outbox (table_name, row_id, stamp) VALUES ('work_order_types', NEW.id, NEW.changed_at);
END;

-- work_order_statuses
DROP TRIGGER work_order_statuses_sync_update;
ALTER TABLE work_order_statuses ADD COLUMN active INTEGER NOT NULL DEFAULT 1;
CREATE TRIGGER work_order_statuses_sync_update AFTER UPDATE ON work_order_statuses
WHEN (SELECT applying FROM sync_control) = 0
    AND (OLD.name IS NOT NEW.name OR OLD.color IS NOT NEW.color OR OLD.is_final IS NOT NEW.is_final OR OLD.position IS NOT NEW.position OR OLD.deleted IS NOT NEW.deleted OR OLD.active IS NOT NEW.active)
BEGIN
    UPDATE work_order_statuses SET sync_versions = (
        SELECT CASE WHEN count(*) = 0 THEN NULL ELSE json_group_object(field, json(version)) END
        FROM (
            SELECT key AS field, value AS version
            FROM json_each(coalesce(OLD.sync_versions, '{}'))
            WHERE NOT ((key = 'name' AND OLD.name IS NOT NEW.name) OR
                    (key = 'color' AND OLD.color IS NOT NEW.color) OR
                    (key = 'is_final' AND OLD.is_final IS NOT NEW.is_final) OR
                    (key = 'position' AND OLD.position IS NOT NEW.position) OR
                    (key = 'deleted' AND OLD.deleted IS NOT NEW.deleted) OR
                    (key = 'active' AND OLD.active IS NOT NEW.active))
            UNION ALL
            SELECT 'name', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.name IS NEW.name AND json_type(coalesce(OLD.sync_versions, '{}'), '$.name') IS NULL
            UNION ALL
            SELECT 'color', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.color IS NEW.color AND json_type(coalesce(OLD.sync_versions, '{}'), '$.color') IS NULL
            UNION ALL
            SELECT 'is_final', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.is_final IS NEW.is_final AND json_type(coalesce(OLD.sync_versions, '{}'), '$.is_final') IS NULL
            UNION ALL
            SELECT 'position', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.position IS NEW.position AND json_type(coalesce(OLD.sync_versions, '{}'), '$.position') IS NULL
            UNION ALL
            SELECT 'deleted', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.deleted IS NEW.deleted AND json_type(coalesce(OLD.sync_versions, '{}'), '$.deleted') IS NULL
            UNION ALL
            SELECT 'active', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.active IS NEW.active AND json_type(coalesce(OLD.sync_versions, '{}'), '$.active') IS NULL
        )
    ) WHERE id = NEW.id;
    INSERT INTO sync_outbox (table_name, row_id, stamp) VALUES ('work_order_statuses', NEW.id, NEW.changed_at);
END;

-- "Funções de contato": what a customer's contact is to them (the "Novo Contato" choices).
CREATE TABLE contact_roles (
    id             BLOB PRIMARY KEY NOT NULL,
    name           TEXT NOT NULL UNIQUE,
    active         INTEGER NOT NULL DEFAULT 1,
    changed_at     INTEGER NOT NULL,
    deleted        INTEGER NOT NULL DEFAULT 0,
    sync_versions  TEXT
);

CREATE TRIGGER contact_roles_sync_insert AFTER INSERT ON contact_roles
WHEN (SELECT applying FROM sync_control) = 0
BEGIN
    INSERT INTO sync_outbox (table_name, row_id, stamp) VALUES ('contact_roles', NEW.id, NEW.changed_at);
END;

CREATE TRIGGER contact_roles_sync_update AFTER UPDATE ON contact_roles
WHEN (SELECT applying FROM sync_control) = 0
    AND (OLD.name IS NOT NEW.name OR OLD.active IS NOT NEW.active OR OLD.deleted IS NOT NEW.deleted)
BEGIN
    UPDATE contact_roles SET sync_versions = (
        SELECT CASE WHEN count(*) = 0 THEN NULL ELSE json_group_object(field, json(version)) END
        FROM (
            SELECT key AS field, value AS version
            FROM json_each(coalesce(OLD.sync_versions, '{}'))
            WHERE NOT ((key = 'name' AND OLD.name IS NOT NEW.name) OR
                    (key = 'active' AND OLD.active IS NOT NEW.active) OR
                    (key = 'deleted' AND OLD.deleted IS NOT NEW.deleted))
            UNION ALL
            SELECT 'name', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.name IS NEW.name AND json_type(coalesce(OLD.sync_versions, '{}'), '$.name') IS NULL
            UNION ALL
            SELECT 'active', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.active IS NEW.active AND json_type(coalesce(OLD.sync_versions, '{}'), '$.active') IS NULL
            UNION ALL
            SELECT 'deleted', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.deleted IS NEW.deleted AND json_type(coalesce(OLD.sync_versions, '{}'), '$.deleted') IS NULL
        )
    ) WHERE id = NEW.id;
    INSERT INTO sync_outbox (table_name, row_id, stamp) VALUES ('contact_roles', NEW.id, NEW.changed_at);
END;

-- The provider: written once by "Primeira configuração", changed by administrators. One
-- live row (the oldest, should two ever be made).
CREATE TABLE provider_settings (
    id                 BLOB PRIMARY KEY NOT NULL,
    name               TEXT NOT NULL,
    idle_lock_minutes  INTEGER NOT NULL,
    changed_at         INTEGER NOT NULL,
    deleted            INTEGER NOT NULL DEFAULT 0,
    sync_versions      TEXT
);

CREATE TRIGGER provider_settings_sync_insert AFTER INSERT ON provider_settings
WHEN (SELECT applying FROM sync_control) = 0
BEGIN
    INSERT INTO sync_outbox (table_name, row_id, stamp) VALUES ('provider_settings', NEW.id, NEW.changed_at);
END;

CREATE TRIGGER provider_settings_sync_update AFTER UPDATE ON provider_settings
WHEN (SELECT applying FROM sync_control) = 0
    AND (OLD.name IS NOT NEW.name OR OLD.idle_lock_minutes IS NOT NEW.idle_lock_minutes OR OLD.deleted IS NOT NEW.deleted)
BEGIN
    UPDATE provider_settings SET sync_versions = (
        SELECT CASE WHEN count(*) = 0 THEN NULL ELSE json_group_object(field, json(version)) END
        FROM (
            SELECT key AS field, value AS version
            FROM json_each(coalesce(OLD.sync_versions, '{}'))
            WHERE NOT ((key = 'name' AND OLD.name IS NOT NEW.name) OR
                    (key = 'idle_lock_minutes' AND OLD.idle_lock_minutes IS NOT NEW.idle_lock_minutes) OR
                    (key = 'deleted' AND OLD.deleted IS NOT NEW.deleted))
            UNION ALL
            SELECT 'name', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.name IS NEW.name AND json_type(coalesce(OLD.sync_versions, '{}'), '$.name') IS NULL
            UNION ALL
            SELECT 'idle_lock_minutes', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.idle_lock_minutes IS NEW.idle_lock_minutes AND json_type(coalesce(OLD.sync_versions, '{}'), '$.idle_lock_minutes') IS NULL
            UNION ALL
            SELECT 'deleted', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.deleted IS NEW.deleted AND json_type(coalesce(OLD.sync_versions, '{}'), '$.deleted') IS NULL
        )
    ) WHERE id = NEW.id;
    INSERT INTO sync_outbox (table_name, row_id, stamp) VALUES ('provider_settings', NEW.id, NEW.changed_at);
END;

-- Failed sign-ins of each login on this desktop since its last success (not synced).
CREATE TABLE login_failures (
    login            TEXT PRIMARY KEY NOT NULL,
    failures         INTEGER NOT NULL,
    last_failure_at  INTEGER NOT NULL
);
