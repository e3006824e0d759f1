-- The highest stamp this desktop wrote, read at every start to restart the change clock after
-- it (`Store::open`): found in this index instead of a scan of the outbox, which holds every
-- change not yet pushed (4.4 million rows on the benchmark database: a 0.2 s scan at every
-- start, which the window's first page waited for; issue 20).
CREATE INDEX sync_outbox_stamp ON sync_outbox (stamp);
