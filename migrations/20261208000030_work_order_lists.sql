-- "Ordens de Serviço" (issue 18): the list of work orders, latest start first, a page at a
-- time by `(starts_at, id)`. The start's and the technician's indexes are made again ending
-- in `id`, so a page walks them in order and stops at its limit (the agenda's ranges walk
-- them as before); a customer's work orders get their own.
DROP INDEX work_orders_time;
CREATE INDEX work_orders_time ON work_orders(starts_at, id);
DROP INDEX work_orders_technician_time;
CREATE INDEX work_orders_technician_time ON work_orders(technician_id, starts_at, id);
CREATE INDEX work_orders_customer_time ON work_orders(customer_id, starts_at, id);
