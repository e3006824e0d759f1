-- What each desktop may sync: 'service' ("Atendimento") writes only what the ticket flow
-- writes and never receives administrators' password hashes; 'administration' writes
-- everything. Desktops registered before profiles existed could write everything.
ALTER TABLE devices
    ADD COLUMN profile text NOT NULL DEFAULT 'administration'
        CHECK (profile IN ('service', 'administration'));

ALTER TABLE devices ALTER COLUMN profile DROP DEFAULT;
