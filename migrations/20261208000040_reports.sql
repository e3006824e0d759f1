-- "Relatórios" (issue 18): the protocols given per day read `protocol_reservations` over a
-- range of `reserved_at`. The ticket reports use `tickets_opened (opened_at, id)` and the
-- work orders' `work_orders_time (starts_at)`.
CREATE INDEX protocol_reservations_reserved ON protocol_reservations(reserved_at);
