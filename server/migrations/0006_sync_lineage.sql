-- Which database the pull positions (`sync_rows.txid`, `seq`) belong to. `epoch` travels
-- in every pull cursor; a cursor of another epoch is served from the start. The server
-- starts a new epoch (and renumbers the stored rows) when it finds itself on a copy of
-- the database: another cluster (`system_identifier`, from `pg_control_system()`) or
-- another database (`database_oid`), or rows written by transactions the cluster has not
-- reached (a dump restored into a new cluster). Both identities are NULL until known.
CREATE TABLE sync_lineage (
    only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    epoch bigint NOT NULL,
    system_identifier bigint NULL,
    database_oid oid NULL
);
INSERT INTO sync_lineage (epoch) VALUES (0);
