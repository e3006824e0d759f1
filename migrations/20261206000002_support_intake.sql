-- Support messages taken in by the server (the provider's customer portal, the support
-- mailbox): who wrote them, how to find the customer, what they quoted, and the files that
-- came with them.
--
-- - `support_messages.sender_name`: the sender's name as the mail or the portal gives it;
--   `document`: the customer's CPF or CNPJ, bare, when the portal knows it; `quoted`: the
--   quoted replies and the signature of a mail, kept apart from its new text (`body`).
-- - New synced table `support_message_attachments`: a message's files, addressed by the
--   SHA-256 of their content as tickets' attachments are (the bytes travel as blobs).
--
-- The update trigger of `support_messages` is made again with the new columns, in the form
-- of migration 20261128000009.

DROP TRIGGER support_messages_sync_update;
ALTER TABLE support_messages ADD COLUMN sender_name TEXT NOT NULL DEFAULT '';
ALTER TABLE support_messages ADD COLUMN document TEXT NOT NULL DEFAULT '';
ALTER TABLE support_messages ADD COLUMN quoted TEXT NOT NULL DEFAULT '';
CREATE TRIGGER support_messages_sync_update AFTER UPDATE ON support_messages
WHEN (SELECT applying FROM sync_control) = 0
    AND (OLD.email IS NOT NEW.email OR OLD.email_folded IS NOT NEW.email_folded OR OLD.subject IS NOT NEW.subject OR OLD.login IS NOT NEW.login OR OLD.body IS NOT NEW.body OR OLD.received_at IS NOT NEW.received_at OR OLD.deleted IS NOT NEW.deleted OR OLD.rfc_message_id IS NOT NEW.rfc_message_id OR OLD.rfc_references IS NOT NEW.rfc_references OR OLD.source IS NOT NEW.source OR OLD.taken_by IS NOT NEW.taken_by OR OLD.taken_at IS NOT NEW.taken_at OR OLD.sender_name IS NOT NEW.sender_name OR OLD.document IS NOT NEW.document OR OLD.quoted IS NOT NEW.quoted)
BEGIN
    UPDATE support_messages SET sync_versions = (
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
            SELECT 'email', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.email IS NEW.email AND json_type(coalesce(OLD.sync_versions, '{}'), '$.email') IS NULL
            UNION ALL
            SELECT 'email_folded', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.email_folded IS NEW.email_folded AND json_type(coalesce(OLD.sync_versions, '{}'), '$.email_folded') IS NULL
            UNION ALL
            SELECT 'subject', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.subject IS NEW.subject AND json_type(coalesce(OLD.sync_versions, '{}'), '$.subject') IS NULL
            UNION ALL
            SELECT 'login', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.login IS NEW.login AND json_type(coalesce(OLD.sync_versions, '{}'), '$.login') IS NULL
            UNION ALL
            SELECT 'body', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.body IS NEW.body AND json_type(coalesce(OLD.sync_versions, '{}'), '$.body') IS NULL
            UNION ALL
            SELECT 'received_at', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.received_at IS NEW.received_at AND json_type(coalesce(OLD.sync_versions, '{}'), '$.received_at') IS NULL
            UNION ALL
            SELECT 'deleted', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.deleted IS NEW.deleted AND json_type(coalesce(OLD.sync_versions, '{}'), '$.deleted') IS NULL
            UNION ALL
            SELECT 'rfc_message_id', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.rfc_message_id IS NEW.rfc_message_id AND json_type(coalesce(OLD.sync_versions, '{}'), '$.rfc_message_id') IS NULL
            UNION ALL
            SELECT 'rfc_references', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.rfc_references IS NEW.rfc_references AND json_type(coalesce(OLD.sync_versions, '{}'), '$.rfc_references') IS NULL
            UNION ALL
            SELECT 'source', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.source IS NEW.source AND json_type(coalesce(OLD.sync_versions, '{}'), '$.source') IS NULL
            UNION ALL
            SELECT 'taken_by', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.taken_by IS NEW.taken_by AND json_type(coalesce(OLD.sync_versions, '{}'), '$.taken_by') IS NULL
            UNION ALL
            SELECT 'taken_at', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.taken_at IS NEW.taken_at AND json_type(coalesce(OLD.sync_versions, '{}'), '$.taken_at') IS NULL
            UNION ALL
            SELECT 'sender_name', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.sender_name IS NEW.sender_name AND json_type(coalesce(OLD.sync_versions, '{}'), '$.sender_name') IS NULL
            UNION ALL
            SELECT 'document', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.document IS NEW.document AND json_type(coalesce(OLD.sync_versions, '{}'), '$.document') IS NULL
            UNION ALL
            SELECT 'quoted', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.quoted IS NEW.quoted AND json_type(coalesce(OLD.sync_versions, '{}'), '$.quoted') IS NULL
        )
    ) WHERE id = NEW.id;
    INSERT INTO sync_outbox (table_name, row_id, stamp) VALUES ('support_messages', NEW.id, NEW.changed_at);
END;

CREATE TABLE support_message_attachments (
    id             BLOB PRIMARY KEY NOT NULL,
    message_id     BLOB NOT NULL REFERENCES support_messages(id),
    file_name      TEXT NOT NULL,
    content_type   TEXT NOT NULL,
    content_hash   TEXT NOT NULL,
    size_bytes     INTEGER NOT NULL,
    changed_at     INTEGER NOT NULL,
    deleted        INTEGER NOT NULL DEFAULT 0,
    sync_versions  TEXT
);
CREATE INDEX support_message_attachments_message ON support_message_attachments(message_id);
CREATE TRIGGER support_message_attachments_sync_insert AFTER INSERT ON support_message_attachments
WHEN (SELECT applying FROM sync_control) = 0
BEGIN
    INSERT INTO sync_outbox (table_name, row_id, stamp) VALUES ('support_message_attachments', NEW.id, NEW.changed_at);
END;
CREATE TRIGGER support_message_attachments_sync_update AFTER UPDATE ON support_message_attachments
WHEN (SELECT applying FROM sync_control) = 0
    AND (OLD.message_id IS NOT NEW.message_id OR OLD.file_name IS NOT NEW.file_name OR OLD.content_type IS NOT NEW.content_type OR OLD.content_hash IS NOT NEW.content_hash OR OLD.size_bytes IS NOT NEW.size_bytes OR OLD.deleted IS NOT NEW.deleted)
BEGIN
    UPDATE support_message_attachments SET sync_versions = (
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
            SELECT 'message_id', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.message_id IS NEW.message_id AND json_type(coalesce(OLD.sync_versions, '{}'), '$.message_id') IS NULL
            UNION ALL
            SELECT 'file_name', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.file_name IS NEW.file_name AND json_type(coalesce(OLD.sync_versions, '{}'), '$.file_name') IS NULL
            UNION ALL
            SELECT 'content_type', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.content_type IS NEW.content_type AND json_type(coalesce(OLD.sync_versions, '{}'), '$.content_type') IS NULL
            UNION ALL
            SELECT 'content_hash', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.content_hash IS NEW.content_hash AND json_type(coalesce(OLD.sync_versions, '{}'), '$.content_hash') IS NULL
            UNION ALL
            SELECT 'size_bytes', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.size_bytes IS NEW.size_bytes AND json_type(coalesce(OLD.sync_versions, '{}'), '$.size_bytes') IS NULL
            UNION ALL
            SELECT 'deleted', json_array(CAST(OLD.changed_at AS TEXT), (SELECT lower(hex(origin)) FROM sync_control))
            WHERE OLD.deleted IS NEW.deleted AND json_type(coalesce(OLD.sync_versions, '{}'), '$.deleted') IS NULL
        )
    ) WHERE id = NEW.id;
    INSERT INTO sync_outbox (table_name, row_id, stamp) VALUES ('support_message_attachments', NEW.id, NEW.changed_at);
END;
