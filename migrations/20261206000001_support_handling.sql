-- "Handled once" (issue 17): each online-support message shows whether it is new, being
-- handled ("Em atendimento", by whom) or handled (the tickets linked to it), and the e-mail
-- sent from its ticket answers it in the same thread.
--
-- - `rfc_message_id`: the mail's Message-ID (with its angle brackets; empty when it had none);
--   `rfc_references`: the Message-IDs of its References header, space-separated;
--   `source`: where it came from, 'mail', 'portal' or 'demo'.
-- - `taken_by`, `taken_at`: the operator who last took it in the wizard, and when.
-- - The outbox keeps the threading headers of each e-mail (`in_reply_to`,
--   `thread_references`; empty: none).
-- - `tickets_support_message`: a message's tickets ("Atendido", and the tickets that share a
--   message). Listing a period's messages without an e-mail walks `support_messages_received`.
--
-- The update trigger of `support_messages` is made again with the new columns, in the form
-- of migration 20261128000009.

DROP TRIGGER support_messages_sync_update;
ALTER TABLE support_messages ADD COLUMN rfc_message_id TEXT NOT NULL DEFAULT '';
ALTER TABLE support_messages ADD COLUMN rfc_references TEXT NOT NULL DEFAULT '';
ALTER TABLE support_messages ADD COLUMN source TEXT NOT NULL DEFAULT 'demo';
ALTER TABLE support_messages ADD COLUMN taken_by BLOB NULL REFERENCES users(id);
ALTER TABLE support_messages ADD COLUMN taken_at INTEGER NULL;
CREATE TRIGGER support_messages_sync_update AFTER UPDATE ON support_messages
WHEN (SELECT applying FROM sync_control) = 0
    AND (OLD.email IS NOT NEW.email OR OLD.email_folded IS NOT NEW.email_folded OR OLD.subject IS NOT NEW.subject OR OLD.login IS NOT NEW.login OR OLD.body IS NOT NEW.body OR OLD.received_at IS NOT NEW.received_at OR OLD.deleted IS NOT NEW.deleted OR OLD.rfc_message_id IS NOT NEW.rfc_message_id OR OLD.rfc_references IS NOT NEW.rfc_references OR OLD.source IS NOT NEW.source OR OLD.taken_by IS NOT NEW.taken_by OR OLD.taken_at IS NOT NEW.taken_at)
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
                    (key = 'taken_at' AND OLD.taken_at IS NOT NEW.taken_at))
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
        )
    ) WHERE id = NEW.id;
    INSERT INTO sync_outbox (table_name, row_id, stamp) VALUES ('support_messages', NEW.id, NEW.changed_at);
END;

CREATE INDEX tickets_support_message ON tickets(support_message_id)
    WHERE support_message_id IS NOT NULL;

ALTER TABLE email_outbox ADD COLUMN in_reply_to TEXT NOT NULL DEFAULT '';
ALTER TABLE email_outbox ADD COLUMN thread_references TEXT NOT NULL DEFAULT '';
