-- How many questions each published script version has, kept beside its definition so that
-- the list of scripts reads no definition (a 500-question script is about 400 KB of JSON).
-- A version never changes, so neither does its count. Versions stored before this
-- migration are counted from their JSON; one that is not valid JSON counts 0.
ALTER TABLE script_versions ADD COLUMN nodes INTEGER NOT NULL DEFAULT 0;

UPDATE script_versions
SET nodes = CASE
    WHEN json_valid(definition) THEN coalesce(json_array_length(definition, '$.nodes'), 0)
    ELSE 0
END;

-- Covers the list of scripts (each script's latest version that is not deleted, with when
-- it was published and its count), so the list never walks the definitions' overflow
-- pages, which sit before these columns in every row.
CREATE INDEX script_versions_latest
    ON script_versions(script_id, deleted, version, published_at, nodes);
