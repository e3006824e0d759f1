-- The operator's queue (`helpdesk_store::tickets::queue`): the open tickets of a user, of a
-- role and of no one, soonest due first. Partial indexes of the open tickets only, ordered by
-- `due_at`, so a group's first entries and its capped counts cost their number of entries,
-- not the number of tickets. A query uses them only when it repeats their condition
-- literally (`status = 'Aberto' AND deleted = 0`).
CREATE INDEX tickets_open_user ON tickets(assigned_user_id, due_at)
    WHERE status = 'Aberto' AND deleted = 0 AND assigned_user_id IS NOT NULL;
CREATE INDEX tickets_open_role ON tickets(assigned_role_id, due_at)
    WHERE status = 'Aberto' AND deleted = 0 AND assigned_role_id IS NOT NULL;
CREATE INDEX tickets_open_unassigned ON tickets(due_at)
    WHERE status = 'Aberto' AND deleted = 0 AND assigned_user_id IS NULL AND assigned_role_id IS NULL;
