-- The list of tickets, newest first, a page at a time (`helpdesk_store::tickets::list`): for
-- each filter an index that ends in the list's order, `(opened_at, id)`, so a page walks the
-- index from where the last one ended and stops at its limit instead of sorting every
-- matching ticket. The indexes of users, roles and types also carry the status (and the
-- type), so a second filter is checked in the index, not in each ticket's row. The
-- customer's filter keeps `tickets_customer (customer_id, opened_at)`, the status alone
-- `tickets_status (status, opened_at)`: a customer's few tickets sort at once, and the
-- tickets of one status share few `opened_at` values to order by id.
CREATE INDEX tickets_opened ON tickets(opened_at, id);
CREATE INDEX tickets_type ON tickets(ticket_type_id, opened_at, id, status);
CREATE INDEX tickets_assigned_user ON tickets(assigned_user_id, opened_at, id, status, ticket_type_id)
    WHERE assigned_user_id IS NOT NULL;
CREATE INDEX tickets_assigned_role ON tickets(assigned_role_id, opened_at, id, status, ticket_type_id)
    WHERE assigned_role_id IS NOT NULL;
