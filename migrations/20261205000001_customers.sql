-- Clientes (issue 16): the customer base edited in the app and imported from a provider's ERP.
--
-- - Customers are a person (CPF) or a company (CNPJ, alphanumeric from July 2026, kept in
--   upper case without punctuation), with a trade name ("nome fantasia"), an address
--   complement and notes.
-- - Contracts ("customer_plans") have an installation address (empty: the customer's) and
--   the date their situation last changed.
-- - Roles say whether their users edit customers (`edits_customers`; administrators always
--   do).
-- - A ticket may be about a plan the customer does not have yet ("escolher um novo plano"):
--   `new_plan_id`, with `customer_plan_id` empty.
-- - New synced table, append-only: `customer_changes`, who changed what of a customer, when.
--
-- The update triggers of the altered tables are made again with the new columns, in the
-- form of migration 20261128000009.

-- customers
DROP TRIGGER customers_sync_update;
ALTER TABLE customers ADD COLUMN kind TEXT NOT NULL DEFAULT 'person';
ALTER TABLE customers ADD COLUMN trade_name TEXT NOT NULL DEFAULT '';
ALTER TABLE customers ADD COLUMN complement TEXT NOT NULL DEFAULT '';
ALTER TABLE customers ADD COLUMN notes TEXT NOT NULL DEFAULT '';
UPDATE customers SET kind = 'company' WHERE length(document) = 14;
CREATE TRIGGER customers_sync_update AFTER UPDATE ON customers
WHEN (SELECT applying FROM sync_control) = 0
    AND (OLD.code IS NOT NEW.code OR OLD.name IS NOT NEW.name OR OLD.name_folded IS NOT NEW.name_folded OR OLD.document IS NOT NEW.document OR OLD.street IS NOT NEW.street OR OLD.number IS NOT NEW.number OR OLD.district IS NOT NEW.district OR OLD.city IS NOT NEW.city OR OLD.state IS NOT NEW.state OR OLD.postal_code IS NOT NEW.postal_code OR OLD.created_at IS NOT NEW.created_at OR OLD.deleted IS NOT NEW.deleted OR OLD.kind IS NOT NEW.kind OR OLD.trade_name IS NOT NEW.trade_name OR OLD.complement IS NOT NEW.complement OR OLD.notes IS NOT NEW.notes OR OLD.kind IS NOT NEW.kind OR OLD.trade_name IS NOT NEW.trade_name OR OLD.complement IS NOT NEW.complement OR OLD.notes IS NOT NEW.notes)
BEGIN
    UPDATE customers SET sync_versions = (
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
                    (key = 'notes' AND OLD.notes IS NOT NEW.notes) OR
                    (key = 'kind' AND OLD.kind IS NOT NEW.kind) OR
                    (key = 'trade_name' AND OLD.trade_name IS NOT NEW.trade_name) OR
                    (key = 'complement' AND OLD.complement IS NOT NEW.complement) OR
                    (key = 'notes' AND OLD.notes IS NOT NEW.notes))
            UNION ALL
            SELECT 'code', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.code IS NEW.code AND json_type(coalesce(OLD.sync_versions, '{}'), '$.code') IS NULL
            UNION ALL
            SELECT 'name', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.name IS NEW.name AND json_type(coalesce(OLD.sync_versions, '{}'), '$.name') IS NULL
            UNION ALL
            SELECT 'name_folded', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.name_folded IS NEW.name_folded AND json_type(coalesce(OLD.sync_versions, '{}'), '$.name_folded') IS NULL
            UNION ALL
            SELECT 'document', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.document IS NEW.document AND json_type(coalesce(OLD.sync_versions, '{}'), '$.document') IS NULL
            UNION ALL
            SELECT 'street', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.street IS NEW.street AND json_type(coalesce(OLD.sync_versions, '{}'), '$.street') IS NULL
            UNION ALL
            SELECT 'number', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.number IS NEW.number AND json_type(coalesce(OLD.sync_versions, '{}'), '$.number') IS NULL
            UNION ALL
            SELECT 'district', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.district IS NEW.district AND json_type(coalesce(OLD.sync_versions, '{}'), '$.district') IS NULL
            UNION ALL
            SELECT 'city', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.city IS NEW.city AND json_type(coalesce(OLD.sync_versions, '{}'), '$.city') IS NULL
            UNION ALL
            SELECT 'state', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.state IS NEW.state AND json_type(coalesce(OLD.sync_versions, '{}'), '$.state') IS NULL
            UNION ALL
            SELECT 'postal_code', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.postal_code IS NEW.postal_code AND json_type(coalesce(OLD.sync_versions, '{}'), '$.postal_code') IS NULL
            UNION ALL
            SELECT 'created_at', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.created_at IS NEW.created_at AND json_type(coalesce(OLD.sync_versions, '{}'), '$.created_at') IS NULL
            UNION ALL
            SELECT 'deleted', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.deleted IS NEW.deleted AND json_type(coalesce(OLD.sync_versions, '{}'), '$.deleted') IS NULL
            UNION ALL
            SELECT 'kind', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.kind IS NEW.kind AND json_type(coalesce(OLD.sync_versions, '{}'), '$.kind') IS NULL
            UNION ALL
            SELECT 'trade_name', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.trade_name IS NEW.trade_name AND json_type(coalesce(OLD.sync_versions, '{}'), '$.trade_name') IS NULL
            UNION ALL
            SELECT 'complement', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.complement IS NEW.complement AND json_type(coalesce(OLD.sync_versions, '{}'), '$.complement') IS NULL
            UNION ALL
            SELECT 'notes', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.notes IS NEW.notes AND json_type(coalesce(OLD.sync_versions, '{}'), '$.notes') IS NULL
            UNION ALL
            SELECT 'kind', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.kind IS NEW.kind AND json_type(coalesce(OLD.sync_versions, '{}'), '$.kind') IS NULL
            UNION ALL
            SELECT 'trade_name', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.trade_name IS NEW.trade_name AND json_type(coalesce(OLD.sync_versions, '{}'), '$.trade_name') IS NULL
            UNION ALL
            SELECT 'complement', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.complement IS NEW.complement AND json_type(coalesce(OLD.sync_versions, '{}'), '$.complement') IS NULL
            UNION ALL
            SELECT 'notes', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.notes IS NEW.notes AND json_type(coalesce(OLD.sync_versions, '{}'), '$.notes') IS NULL
        )
    ) WHERE id = NEW.id;
    INSERT INTO sync_outbox (table_name, row_id, stamp) VALUES ('customers', NEW.id, NEW.changed_at);
END;

-- customer_plans
DROP TRIGGER customer_plans_sync_update;
ALTER TABLE customer_plans ADD COLUMN installation_address TEXT NOT NULL DEFAULT '';
ALTER TABLE customer_plans ADD COLUMN status_changed_on TEXT NOT NULL DEFAULT '';
UPDATE customer_plans SET status_changed_on = installed_on;
CREATE TRIGGER customer_plans_sync_update AFTER UPDATE ON customer_plans
WHEN (SELECT applying FROM sync_control) = 0
    AND (OLD.customer_id IS NOT NEW.customer_id OR OLD.plan_id IS NOT NEW.plan_id OR OLD.routing_point_id IS NOT NEW.routing_point_id OR OLD.login IS NOT NEW.login OR OLD.status IS NOT NEW.status OR OLD.installed_on IS NOT NEW.installed_on OR OLD.deleted IS NOT NEW.deleted OR OLD.installation_address IS NOT NEW.installation_address OR OLD.status_changed_on IS NOT NEW.status_changed_on OR OLD.installation_address IS NOT NEW.installation_address OR OLD.status_changed_on IS NOT NEW.status_changed_on)
BEGIN
    UPDATE customer_plans SET sync_versions = (
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
                    (key = 'status_changed_on' AND OLD.status_changed_on IS NOT NEW.status_changed_on) OR
                    (key = 'installation_address' AND OLD.installation_address IS NOT NEW.installation_address) OR
                    (key = 'status_changed_on' AND OLD.status_changed_on IS NOT NEW.status_changed_on))
            UNION ALL
            SELECT 'customer_id', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.customer_id IS NEW.customer_id AND json_type(coalesce(OLD.sync_versions, '{}'), '$.customer_id') IS NULL
            UNION ALL
            SELECT 'plan_id', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.plan_id IS NEW.plan_id AND json_type(coalesce(OLD.sync_versions, '{}'), '$.plan_id') IS NULL
            UNION ALL
            SELECT 'routing_point_id', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.routing_point_id IS NEW.routing_point_id AND json_type(coalesce(OLD.sync_versions, '{}'), '$.routing_point_id') IS NULL
            UNION ALL
            SELECT 'login', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.login IS NEW.login AND json_type(coalesce(OLD.sync_versions, '{}'), '$.login') IS NULL
            UNION ALL
            SELECT 'status', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.status IS NEW.status AND json_type(coalesce(OLD.sync_versions, '{}'), '$.status') IS NULL
            UNION ALL
            SELECT 'installed_on', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.installed_on IS NEW.installed_on AND json_type(coalesce(OLD.sync_versions, '{}'), '$.installed_on') IS NULL
            UNION ALL
            SELECT 'deleted', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.deleted IS NEW.deleted AND json_type(coalesce(OLD.sync_versions, '{}'), '$.deleted') IS NULL
            UNION ALL
            SELECT 'installation_address', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.installation_address IS NEW.installation_address AND json_type(coalesce(OLD.sync_versions, '{}'), '$.installation_address') IS NULL
            UNION ALL
            SELECT 'status_changed_on', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.status_changed_on IS NEW.status_changed_on AND json_type(coalesce(OLD.sync_versions, '{}'), '$.status_changed_on') IS NULL
            UNION ALL
            SELECT 'installation_address', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.installation_address IS NEW.installation_address AND json_type(coalesce(OLD.sync_versions, '{}'), '$.installation_address') IS NULL
            UNION ALL
            SELECT 'status_changed_on', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.status_changed_on IS NEW.status_changed_on AND json_type(coalesce(OLD.sync_versions, '{}'), '$.status_changed_on') IS NULL
        )
    ) WHERE id = NEW.id;
    INSERT INTO sync_outbox (table_name, row_id, stamp) VALUES ('customer_plans', NEW.id, NEW.changed_at);
END;

-- roles
DROP TRIGGER roles_sync_update;
ALTER TABLE roles ADD COLUMN edits_customers INTEGER NOT NULL DEFAULT 0;
CREATE TRIGGER roles_sync_update AFTER UPDATE ON roles
WHEN (SELECT applying FROM sync_control) = 0
    AND (OLD.name IS NOT NEW.name OR OLD.deleted IS NOT NEW.deleted OR OLD.is_administrator IS NOT NEW.is_administrator OR OLD.active IS NOT NEW.active OR OLD.edits_customers IS NOT NEW.edits_customers OR OLD.edits_customers IS NOT NEW.edits_customers)
BEGIN
    UPDATE roles SET sync_versions = (
        SELECT CASE WHEN count(*) = 0 THEN NULL ELSE json_group_object(field, json(version)) END
        FROM (
            SELECT key AS field, value AS version
            FROM json_each(coalesce(OLD.sync_versions, '{}'))
            WHERE NOT ((key = 'name' AND OLD.name IS NOT NEW.name) OR
                    (key = 'deleted' AND OLD.deleted IS NOT NEW.deleted) OR
                    (key = 'is_administrator' AND OLD.is_administrator IS NOT NEW.is_administrator) OR
                    (key = 'active' AND OLD.active IS NOT NEW.active) OR
                    (key = 'edits_customers' AND OLD.edits_customers IS NOT NEW.edits_customers) OR
                    (key = 'edits_customers' AND OLD.edits_customers IS NOT NEW.edits_customers))
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
            UNION ALL
            SELECT 'edits_customers', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.edits_customers IS NEW.edits_customers AND json_type(coalesce(OLD.sync_versions, '{}'), '$.edits_customers') IS NULL
            UNION ALL
            SELECT 'edits_customers', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.edits_customers IS NEW.edits_customers AND json_type(coalesce(OLD.sync_versions, '{}'), '$.edits_customers') IS NULL
        )
    ) WHERE id = NEW.id;
    INSERT INTO sync_outbox (table_name, row_id, stamp) VALUES ('roles', NEW.id, NEW.changed_at);
END;

-- tickets
DROP TRIGGER tickets_sync_update;
ALTER TABLE tickets ADD COLUMN new_plan_id BLOB REFERENCES plans(id);
CREATE TRIGGER tickets_sync_update AFTER UPDATE ON tickets
WHEN (SELECT applying FROM sync_control) = 0
    AND (OLD.protocol IS NOT NEW.protocol OR OLD.origin IS NOT NEW.origin OR OLD.customer_id IS NOT NEW.customer_id OR OLD.customer_plan_id IS NOT NEW.customer_plan_id OR OLD.support_message_id IS NOT NEW.support_message_id OR OLD.problem IS NOT NEW.problem OR OLD.ticket_type_id IS NOT NEW.ticket_type_id OR OLD.assigned_user_id IS NOT NEW.assigned_user_id OR OLD.assigned_role_id IS NOT NEW.assigned_role_id OR OLD.status IS NOT NEW.status OR OLD.opened_by IS NOT NEW.opened_by OR OLD.opened_at IS NOT NEW.opened_at OR OLD.due_at IS NOT NEW.due_at OR OLD.resolved_at IS NOT NEW.resolved_at OR OLD.deleted IS NOT NEW.deleted OR OLD.new_plan_id IS NOT NEW.new_plan_id OR OLD.new_plan_id IS NOT NEW.new_plan_id)
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
                    (key = 'new_plan_id' AND OLD.new_plan_id IS NOT NEW.new_plan_id))
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
            SELECT 'new_plan_id', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.new_plan_id IS NEW.new_plan_id AND json_type(coalesce(OLD.sync_versions, '{}'), '$.new_plan_id') IS NULL
        )
    ) WHERE id = NEW.id;
    INSERT INTO sync_outbox (table_name, row_id, stamp) VALUES ('tickets', NEW.id, NEW.changed_at);
END;

-- Who changed what of a customer, and when: one line per change, in pt-BR, never edited.
CREATE TABLE customer_changes (
    id             BLOB PRIMARY KEY NOT NULL,
    customer_id    BLOB NOT NULL REFERENCES customers(id),
    user_id        BLOB NOT NULL,
    at             INTEGER NOT NULL,
    summary        TEXT NOT NULL,
    changed_at     INTEGER NOT NULL,
    deleted        INTEGER NOT NULL DEFAULT 0,
    sync_versions  TEXT
);
CREATE INDEX customer_changes_customer ON customer_changes(customer_id, at);

CREATE TRIGGER customer_changes_sync_insert AFTER INSERT ON customer_changes
WHEN (SELECT applying FROM sync_control) = 0
BEGIN
    INSERT INTO sync_outbox (table_name, row_id, stamp) VALUES ('customer_changes', NEW.id, NEW.changed_at);
END;

CREATE TRIGGER customer_changes_sync_update AFTER UPDATE ON customer_changes
WHEN (SELECT applying FROM sync_control) = 0
    AND (OLD.customer_id IS NOT NEW.customer_id OR OLD.user_id IS NOT NEW.user_id OR OLD.at IS NOT NEW.at OR OLD.summary IS NOT NEW.summary OR OLD.deleted IS NOT NEW.deleted)
BEGIN
    UPDATE customer_changes SET sync_versions = (
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
            SELECT 'customer_id', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.customer_id IS NEW.customer_id AND json_type(coalesce(OLD.sync_versions, '{}'), '$.customer_id') IS NULL
            UNION ALL
            SELECT 'user_id', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.user_id IS NEW.user_id AND json_type(coalesce(OLD.sync_versions, '{}'), '$.user_id') IS NULL
            UNION ALL
            SELECT 'at', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.at IS NEW.at AND json_type(coalesce(OLD.sync_versions, '{}'), '$.at') IS NULL
            UNION ALL
            SELECT 'summary', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.summary IS NEW.summary AND json_type(coalesce(OLD.sync_versions, '{}'), '$.summary') IS NULL
            UNION ALL
            SELECT 'deleted', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.deleted IS NEW.deleted AND json_type(coalesce(OLD.sync_versions, '{}'), '$.deleted') IS NULL
        )
    ) WHERE id = NEW.id;
    INSERT INTO sync_outbox (table_name, row_id, stamp) VALUES ('customer_changes', NEW.id, NEW.changed_at);
END;

-- The next free customer code: codes are numbers, so the longest, then greatest, is the
-- highest, and this index finds it without reading every customer.
CREATE INDEX customers_code_order ON customers(length(code), code);
