-- The "Agenda Técnica" (`helpdesk_store::work_orders`).
--
-- A visit lasts at most 24 hours (`helpdesk_core::work_order::MAX_VISIT_MINUTES`), so the
-- visits overlapping a range start at most 24 hours before it: the agenda's query walks a
-- range of `work_orders_technician_time` or `work_orders_time` (initial migration) instead
-- of every visit that ends after the range's start. These triggers keep that true for rows
-- written by any path (the wizard's save, a reschedule, a sync).
CREATE TRIGGER IF NOT EXISTS work_orders_max_length_insert
BEFORE INSERT ON work_orders
WHEN NEW.ends_at - NEW.starts_at > 86400000
BEGIN
    SELECT RAISE(ABORT, 'a work order lasts at most 24 hours');
END;

CREATE TRIGGER IF NOT EXISTS work_orders_max_length_update
BEFORE UPDATE OF starts_at, ends_at ON work_orders
WHEN NEW.ends_at - NEW.starts_at > 86400000
BEGIN
    SELECT RAISE(ABORT, 'a work order lasts at most 24 hours');
END;
