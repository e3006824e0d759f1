-- After the protocol (issue 18): SLA in business hours, work orders to the end, first-contact
-- resolution. The schema of the changes only; each table keeps its one writer in the store.
--
-- - `ticket_types.sla_calendar`: 1 when the type's SLA counts calendar hours, 0 (the default)
--   when it counts the provider's business hours (`business_hours`, `holidays`).
-- - `business_hours`: the provider's week, one row per opening interval of a weekday
--   (0 = domingo ... 6 = sábado), in minutes after the local midnight, so a day may have a
--   lunch break. No row at all: business hours are not set and SLAs count calendar hours.
-- - `holidays`: days (`AAAA-MM-DD`, local) with no business hours. Not unique: two
--   administration desktops may add the same day offline; any row not deleted makes it one.
-- - `work_order_statuses.stage`: what a status means for the visit's life ('open',
--   'in_progress', 'done', 'cancelled'); `is_final` stays, written from it (done or cancelled).
--   Existing statuses are read from their names once.
-- - `work_orders.started_at`, `finished_at`: the technician's actual arrival and departure;
--   `report`: the technician's report; `outcome`: the visit's result, NULL until finished.
-- - `tickets.first_contact_resolved`: 1 when the ticket was resolved in the wizard, at its
--   first contact. Existing tickets are read from their history once.
--
-- The update triggers of the changed tables are made again with the new columns, in the form
-- of migration 20261128000009.

-- ticket_types
DROP TRIGGER ticket_types_sync_update;
ALTER TABLE ticket_types ADD COLUMN sla_calendar INTEGER NOT NULL DEFAULT 0 CHECK (sla_calendar IN (0, 1));
CREATE TRIGGER ticket_types_sync_update AFTER UPDATE ON ticket_types
WHEN (SELECT applying FROM sync_control) = 0
    AND (OLD.name IS NOT NEW.name OR OLD.destined_user_id IS NOT NEW.destined_user_id OR OLD.destined_role_id IS NOT NEW.destined_role_id OR OLD.sla_hours IS NOT NEW.sla_hours OR OLD.deleted IS NOT NEW.deleted OR OLD.active IS NOT NEW.active OR OLD.sla_calendar IS NOT NEW.sla_calendar)
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
                    (key = 'active' AND OLD.active IS NOT NEW.active) OR
                    (key = 'sla_calendar' AND OLD.sla_calendar IS NOT NEW.sla_calendar))
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
            UNION ALL
            SELECT 'sla_calendar', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.sla_calendar IS NEW.sla_calendar AND json_type(coalesce(OLD.sync_versions, '{}'), '$.sla_calendar') IS NULL
        )
    ) WHERE id = NEW.id;
    INSERT INTO sync_outbox (table_name, row_id, stamp) VALUES ('ticket_types', NEW.id, NEW.changed_at);
END;

-- work_order_statuses
DROP TRIGGER work_order_statuses_sync_update;
ALTER TABLE work_order_statuses ADD COLUMN stage TEXT NOT NULL DEFAULT 'open'
    CHECK (stage IN ('open', 'in_progress', 'done', 'cancelled'));
UPDATE work_order_statuses SET stage = CASE
    WHEN is_final = 1 AND lower(name) LIKE 'cancel%' THEN 'cancelled'
    WHEN is_final = 1 THEN 'done'
    WHEN lower(name) LIKE 'em execu%' OR lower(name) LIKE 'em andamento%' THEN 'in_progress'
    ELSE 'open' END;
CREATE TRIGGER work_order_statuses_sync_update AFTER UPDATE ON work_order_statuses
WHEN (SELECT applying FROM sync_control) = 0
    AND (OLD.name IS NOT NEW.name OR OLD.color IS NOT NEW.color OR OLD.is_final IS NOT NEW.is_final OR OLD.position IS NOT NEW.position OR OLD.deleted IS NOT NEW.deleted OR OLD.active IS NOT NEW.active OR OLD.stage IS NOT NEW.stage)
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
                    (key = 'active' AND OLD.active IS NOT NEW.active) OR
                    (key = 'stage' AND OLD.stage IS NOT NEW.stage))
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
            UNION ALL
            SELECT 'stage', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.stage IS NEW.stage AND json_type(coalesce(OLD.sync_versions, '{}'), '$.stage') IS NULL
        )
    ) WHERE id = NEW.id;
    INSERT INTO sync_outbox (table_name, row_id, stamp) VALUES ('work_order_statuses', NEW.id, NEW.changed_at);
END;

-- work_orders
DROP TRIGGER work_orders_sync_update;
ALTER TABLE work_orders ADD COLUMN started_at INTEGER;
ALTER TABLE work_orders ADD COLUMN finished_at INTEGER;
ALTER TABLE work_orders ADD COLUMN report TEXT NOT NULL DEFAULT '';
ALTER TABLE work_orders ADD COLUMN outcome TEXT;
CREATE TRIGGER work_orders_sync_update AFTER UPDATE ON work_orders
WHEN (SELECT applying FROM sync_control) = 0
    AND (OLD.ticket_id IS NOT NEW.ticket_id OR OLD.customer_id IS NOT NEW.customer_id OR OLD.technician_id IS NOT NEW.technician_id OR OLD.type_id IS NOT NEW.type_id OR OLD.status_id IS NOT NEW.status_id OR OLD.starts_at IS NOT NEW.starts_at OR OLD.ends_at IS NOT NEW.ends_at OR OLD.description IS NOT NEW.description OR OLD.address IS NOT NEW.address OR OLD.deleted IS NOT NEW.deleted OR OLD.started_at IS NOT NEW.started_at OR OLD.finished_at IS NOT NEW.finished_at OR OLD.report IS NOT NEW.report OR OLD.outcome IS NOT NEW.outcome)
BEGIN
    UPDATE work_orders SET sync_versions = (
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
            SELECT 'ticket_id', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.ticket_id IS NEW.ticket_id AND json_type(coalesce(OLD.sync_versions, '{}'), '$.ticket_id') IS NULL
            UNION ALL
            SELECT 'customer_id', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.customer_id IS NEW.customer_id AND json_type(coalesce(OLD.sync_versions, '{}'), '$.customer_id') IS NULL
            UNION ALL
            SELECT 'technician_id', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.technician_id IS NEW.technician_id AND json_type(coalesce(OLD.sync_versions, '{}'), '$.technician_id') IS NULL
            UNION ALL
            SELECT 'type_id', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.type_id IS NEW.type_id AND json_type(coalesce(OLD.sync_versions, '{}'), '$.type_id') IS NULL
            UNION ALL
            SELECT 'status_id', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.status_id IS NEW.status_id AND json_type(coalesce(OLD.sync_versions, '{}'), '$.status_id') IS NULL
            UNION ALL
            SELECT 'starts_at', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.starts_at IS NEW.starts_at AND json_type(coalesce(OLD.sync_versions, '{}'), '$.starts_at') IS NULL
            UNION ALL
            SELECT 'ends_at', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.ends_at IS NEW.ends_at AND json_type(coalesce(OLD.sync_versions, '{}'), '$.ends_at') IS NULL
            UNION ALL
            SELECT 'description', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.description IS NEW.description AND json_type(coalesce(OLD.sync_versions, '{}'), '$.description') IS NULL
            UNION ALL
            SELECT 'address', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.address IS NEW.address AND json_type(coalesce(OLD.sync_versions, '{}'), '$.address') IS NULL
            UNION ALL
            SELECT 'deleted', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.deleted IS NEW.deleted AND json_type(coalesce(OLD.sync_versions, '{}'), '$.deleted') IS NULL
            UNION ALL
            SELECT 'started_at', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.started_at IS NEW.started_at AND json_type(coalesce(OLD.sync_versions, '{}'), '$.started_at') IS NULL
            UNION ALL
            SELECT 'finished_at', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.finished_at IS NEW.finished_at AND json_type(coalesce(OLD.sync_versions, '{}'), '$.finished_at') IS NULL
            UNION ALL
            SELECT 'report', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.report IS NEW.report AND json_type(coalesce(OLD.sync_versions, '{}'), '$.report') IS NULL
            UNION ALL
            SELECT 'outcome', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.outcome IS NEW.outcome AND json_type(coalesce(OLD.sync_versions, '{}'), '$.outcome') IS NULL
        )
    ) WHERE id = NEW.id;
    INSERT INTO sync_outbox (table_name, row_id, stamp) VALUES ('work_orders', NEW.id, NEW.changed_at);
END;

-- tickets
DROP TRIGGER tickets_sync_update;
ALTER TABLE tickets ADD COLUMN first_contact_resolved INTEGER NOT NULL DEFAULT 0
    CHECK (first_contact_resolved IN (0, 1));
UPDATE tickets SET first_contact_resolved = 1
WHERE EXISTS (SELECT 1 FROM ticket_events e
              WHERE e.ticket_id = tickets.id AND e.kind = 'resolved' AND e.at = tickets.opened_at);
CREATE TRIGGER tickets_sync_update AFTER UPDATE ON tickets
WHEN (SELECT applying FROM sync_control) = 0
    AND (OLD.protocol IS NOT NEW.protocol OR OLD.origin IS NOT NEW.origin OR OLD.customer_id IS NOT NEW.customer_id OR OLD.customer_plan_id IS NOT NEW.customer_plan_id OR OLD.support_message_id IS NOT NEW.support_message_id OR OLD.problem IS NOT NEW.problem OR OLD.ticket_type_id IS NOT NEW.ticket_type_id OR OLD.assigned_user_id IS NOT NEW.assigned_user_id OR OLD.assigned_role_id IS NOT NEW.assigned_role_id OR OLD.status IS NOT NEW.status OR OLD.opened_by IS NOT NEW.opened_by OR OLD.opened_at IS NOT NEW.opened_at OR OLD.due_at IS NOT NEW.due_at OR OLD.resolved_at IS NOT NEW.resolved_at OR OLD.deleted IS NOT NEW.deleted OR OLD.new_plan_id IS NOT NEW.new_plan_id OR OLD.first_contact_resolved IS NOT NEW.first_contact_resolved)
BEGIN
    UPDATE tickets SET sync_versions = (
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
            SELECT 'protocol', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.protocol IS NEW.protocol AND json_type(coalesce(OLD.sync_versions, '{}'), '$.protocol') IS NULL
            UNION ALL
            SELECT 'origin', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.origin IS NEW.origin AND json_type(coalesce(OLD.sync_versions, '{}'), '$.origin') IS NULL
            UNION ALL
            SELECT 'customer_id', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.customer_id IS NEW.customer_id AND json_type(coalesce(OLD.sync_versions, '{}'), '$.customer_id') IS NULL
            UNION ALL
            SELECT 'customer_plan_id', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.customer_plan_id IS NEW.customer_plan_id AND json_type(coalesce(OLD.sync_versions, '{}'), '$.customer_plan_id') IS NULL
            UNION ALL
            SELECT 'support_message_id', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.support_message_id IS NEW.support_message_id AND json_type(coalesce(OLD.sync_versions, '{}'), '$.support_message_id') IS NULL
            UNION ALL
            SELECT 'problem', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.problem IS NEW.problem AND json_type(coalesce(OLD.sync_versions, '{}'), '$.problem') IS NULL
            UNION ALL
            SELECT 'ticket_type_id', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.ticket_type_id IS NEW.ticket_type_id AND json_type(coalesce(OLD.sync_versions, '{}'), '$.ticket_type_id') IS NULL
            UNION ALL
            SELECT 'assigned_user_id', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.assigned_user_id IS NEW.assigned_user_id AND json_type(coalesce(OLD.sync_versions, '{}'), '$.assigned_user_id') IS NULL
            UNION ALL
            SELECT 'assigned_role_id', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.assigned_role_id IS NEW.assigned_role_id AND json_type(coalesce(OLD.sync_versions, '{}'), '$.assigned_role_id') IS NULL
            UNION ALL
            SELECT 'status', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.status IS NEW.status AND json_type(coalesce(OLD.sync_versions, '{}'), '$.status') IS NULL
            UNION ALL
            SELECT 'opened_by', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.opened_by IS NEW.opened_by AND json_type(coalesce(OLD.sync_versions, '{}'), '$.opened_by') IS NULL
            UNION ALL
            SELECT 'opened_at', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.opened_at IS NEW.opened_at AND json_type(coalesce(OLD.sync_versions, '{}'), '$.opened_at') IS NULL
            UNION ALL
            SELECT 'due_at', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.due_at IS NEW.due_at AND json_type(coalesce(OLD.sync_versions, '{}'), '$.due_at') IS NULL
            UNION ALL
            SELECT 'resolved_at', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.resolved_at IS NEW.resolved_at AND json_type(coalesce(OLD.sync_versions, '{}'), '$.resolved_at') IS NULL
            UNION ALL
            SELECT 'deleted', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.deleted IS NEW.deleted AND json_type(coalesce(OLD.sync_versions, '{}'), '$.deleted') IS NULL
            UNION ALL
            SELECT 'new_plan_id', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.new_plan_id IS NEW.new_plan_id AND json_type(coalesce(OLD.sync_versions, '{}'), '$.new_plan_id') IS NULL
            UNION ALL
            SELECT 'first_contact_resolved', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.first_contact_resolved IS NEW.first_contact_resolved AND json_type(coalesce(OLD.sync_versions, '{}'), '$.first_contact_resolved') IS NULL
        )
    ) WHERE id = NEW.id;
    INSERT INTO sync_outbox (table_name, row_id, stamp) VALUES ('tickets', NEW.id, NEW.changed_at);
END;

-- business_hours
CREATE TABLE business_hours (
    id             BLOB PRIMARY KEY NOT NULL,
    weekday        INTEGER NOT NULL CHECK (weekday BETWEEN 0 AND 6),
    opens_at       INTEGER NOT NULL CHECK (opens_at BETWEEN 0 AND 1440),
    closes_at      INTEGER NOT NULL CHECK (closes_at BETWEEN 0 AND 1440),
    changed_at     INTEGER NOT NULL,
    deleted        INTEGER NOT NULL DEFAULT 0,
    sync_versions  TEXT,
    CHECK (closes_at > opens_at)
);
CREATE TRIGGER business_hours_sync_insert AFTER INSERT ON business_hours
WHEN (SELECT applying FROM sync_control) = 0
BEGIN
    INSERT INTO sync_outbox (table_name, row_id, stamp) VALUES ('business_hours', NEW.id, NEW.changed_at);
END;
CREATE TRIGGER business_hours_sync_update AFTER UPDATE ON business_hours
WHEN (SELECT applying FROM sync_control) = 0
    AND (OLD.weekday IS NOT NEW.weekday OR OLD.opens_at IS NOT NEW.opens_at OR OLD.closes_at IS NOT NEW.closes_at OR OLD.deleted IS NOT NEW.deleted)
BEGIN
    UPDATE business_hours SET sync_versions = (
        SELECT CASE WHEN count(*) = 0 THEN NULL ELSE json_group_object(field, json(version)) END
        FROM (
            SELECT key AS field, value AS version
            FROM json_each(coalesce(OLD.sync_versions, '{}'))
            WHERE NOT ((key = 'weekday' AND OLD.weekday IS NOT NEW.weekday) OR
                    (key = 'opens_at' AND OLD.opens_at IS NOT NEW.opens_at) OR
                    (key = 'closes_at' AND OLD.closes_at IS NOT NEW.closes_at) OR
                    (key = 'deleted' AND OLD.deleted IS NOT NEW.deleted))
            UNION ALL
            SELECT 'weekday', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.weekday IS NEW.weekday AND json_type(coalesce(OLD.sync_versions, '{}'), '$.weekday') IS NULL
            UNION ALL
            SELECT 'opens_at', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.opens_at IS NEW.opens_at AND json_type(coalesce(OLD.sync_versions, '{}'), '$.opens_at') IS NULL
            UNION ALL
            SELECT 'closes_at', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.closes_at IS NEW.closes_at AND json_type(coalesce(OLD.sync_versions, '{}'), '$.closes_at') IS NULL
            UNION ALL
            SELECT 'deleted', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.deleted IS NEW.deleted AND json_type(coalesce(OLD.sync_versions, '{}'), '$.deleted') IS NULL
        )
    ) WHERE id = NEW.id;
    INSERT INTO sync_outbox (table_name, row_id, stamp) VALUES ('business_hours', NEW.id, NEW.changed_at);
END;

-- holidays
CREATE TABLE holidays (
    id             BLOB PRIMARY KEY NOT NULL,
    day            TEXT NOT NULL,
    name           TEXT NOT NULL,
    changed_at     INTEGER NOT NULL,
    deleted        INTEGER NOT NULL DEFAULT 0,
    sync_versions  TEXT
);
CREATE INDEX holidays_day ON holidays(day);
CREATE TRIGGER holidays_sync_insert AFTER INSERT ON holidays
WHEN (SELECT applying FROM sync_control) = 0
BEGIN
    INSERT INTO sync_outbox (table_name, row_id, stamp) VALUES ('holidays', NEW.id, NEW.changed_at);
END;
CREATE TRIGGER holidays_sync_update AFTER UPDATE ON holidays
WHEN (SELECT applying FROM sync_control) = 0
    AND (OLD.day IS NOT NEW.day OR OLD.name IS NOT NEW.name OR OLD.deleted IS NOT NEW.deleted)
BEGIN
    UPDATE holidays SET sync_versions = (
        SELECT CASE WHEN count(*) = 0 THEN NULL ELSE json_group_object(field, json(version)) END
        FROM (
            SELECT key AS field, value AS version
            FROM json_each(coalesce(OLD.sync_versions, '{}'))
            WHERE NOT ((key = 'day' AND OLD.day IS NOT NEW.day) OR
                    (key = 'name' AND OLD.name IS NOT NEW.name) OR
                    (key = 'deleted' AND OLD.deleted IS NOT NEW.deleted))
            UNION ALL
            SELECT 'day', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.day IS NEW.day AND json_type(coalesce(OLD.sync_versions, '{}'), '$.day') IS NULL
            UNION ALL
            SELECT 'name', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.name IS NEW.name AND json_type(coalesce(OLD.sync_versions, '{}'), '$.name') IS NULL
            UNION ALL
            SELECT 'deleted', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.deleted IS NEW.deleted AND json_type(coalesce(OLD.sync_versions, '{}'), '$.deleted') IS NULL
        )
    ) WHERE id = NEW.id;
    INSERT INTO sync_outbox (table_name, row_id, stamp) VALUES ('holidays', NEW.id, NEW.changed_at);
END;
