-- The queue's new messages and the protocols report, at 2,000,000 messages and 1,000,000
-- tickets (`docs/PERFORMANCE.md`, "Sua fila" and "Relatórios").
--
-- `support_messages::count_new` and the first walk of `support_messages::list` (the queue's
-- "Mensagens novas") look for messages nobody took: through `support_messages_received` they
-- read every message of the last 7 days (43,000 at this scale, nearly all taken) to find the
-- few new ones. This partial index holds only the messages nobody took; the queries repeat
-- its condition (`deleted = 0 AND taken_by IS NULL`) literally, as SQLite requires.
CREATE INDEX support_messages_untaken ON support_messages(received_at)
    WHERE taken_by IS NULL AND deleted = 0;

-- `reports::run` for "Protocolos gerados por dia": the reservations of the period and, for
-- each, whether a ticket that is not deleted has its number. Both from covering indexes, so
-- neither table is read (the protocol and user were read from the reservation's row, and
-- `deleted` from the ticket's).
DROP INDEX protocol_reservations_reserved;
CREATE INDEX protocol_reservations_reserved ON protocol_reservations(reserved_at, user_id, protocol);
CREATE INDEX tickets_protocol_deleted ON tickets(protocol, deleted);
