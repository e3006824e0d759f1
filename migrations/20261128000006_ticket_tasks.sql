-- The tasks of a ticket, for the ticket page (`helpdesk_store::tasks::of_ticket`): without
-- it, each ticket page would scan every task. A person's task list ("Minhas Tarefas") walks
-- `tasks_assignee_user` and `tasks_assignee_role` (initial migration), open ones by
-- `done_at IS NULL`.
CREATE INDEX IF NOT EXISTS tasks_ticket ON tasks(ticket_id);
