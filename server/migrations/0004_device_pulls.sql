-- Each desktop's last pull: when, and the cursor it was answered (the metrics' lag: seconds
-- since it pulled, rows written after its cursor).
ALTER TABLE devices
    ADD COLUMN last_pull_at timestamptz NULL,
    ADD COLUMN last_pull_transaction bigint NULL,
    ADD COLUMN last_pull_sequence bigint NULL;
