#!/usr/bin/env python3
"""Prints the sync triggers of a syncable table, in the form of migrations 20261128000009
(insert) and 20261210000003 (update: a field's default version is the row's `changed_at`
with `sync_origin`, this desktop when NULL; a save that moves only `changed_at` counts).

A migration that adds a syncable table writes both triggers; one that adds a column to a
syncable table drops its update trigger and writes it again with every column, in the order
of `crates/core/src/sync/tables.rs` (the new ones last). SQLite has no procedures, so each
migration holds the triggers written out; this script is their one source.

    scripts/sync-triggers.py insert TABLE
    scripts/sync-triggers.py update TABLE COLUMN...
    scripts/sync-triggers.py updates     (every table's, from crates/core/src/sync/tables.rs)
"""
import re
import sys
from pathlib import Path


def insert(table):
    return f"""CREATE TRIGGER {table}_sync_insert AFTER INSERT ON {table}
WHEN (SELECT applying FROM sync_control) = 0
BEGIN
    INSERT INTO sync_outbox (table_name, row_id, stamp) VALUES ('{table}', NEW.id, NEW.changed_at);
END;
"""


def update(table, columns):
    # A save that moves only `changed_at` counts: the fields keep their versions.
    changed = " OR ".join(
        ["OLD.changed_at IS NOT NEW.changed_at"] + [f"OLD.{c} IS NOT NEW.{c}" for c in columns]
    )
    kept = " OR\n                    ".join(
        f"(key = '{c}' AND OLD.{c} IS NOT NEW.{c})" for c in columns
    )
    first = "\n            UNION ALL\n".join(
        f"""            SELECT '{c}', json_array(CAST(OLD.changed_at AS TEXT), lower(hex(coalesce(OLD.sync_origin, (SELECT origin FROM sync_control)))))
            WHERE OLD.{c} IS NEW.{c} AND json_type(coalesce(OLD.sync_versions, '{{}}'), '$.{c}') IS NULL"""
        for c in columns
    )
    return f"""CREATE TRIGGER {table}_sync_update AFTER UPDATE ON {table}
WHEN (SELECT applying FROM sync_control) = 0
    AND ({changed})
BEGIN
    UPDATE {table} SET sync_origin = NULL, sync_versions = (
        SELECT CASE WHEN count(*) = 0 THEN NULL ELSE json_group_object(field, json(version)) END
        FROM (
            SELECT key AS field, value AS version
            FROM json_each(coalesce(OLD.sync_versions, '{{}}'))
            WHERE NOT ({kept})
            UNION ALL
{first}
        )
    ) WHERE id = NEW.id;
    INSERT INTO sync_outbox (table_name, row_id, stamp) VALUES ('{table}', NEW.id, NEW.changed_at);
END;
"""


def tables():
    """(table, [column...]) of SYNC_TABLES, in their order."""
    source = (Path(__file__).parent.parent / "crates/core/src/sync/tables.rs").read_text()
    found = []
    for block in re.split(r"SyncTable \{\s*(?=name:)", source)[1:]:
        name = re.match(r'name: "([a-z_]+)"', block).group(1)
        columns = re.findall(r'column\("([a-z_]+)"', block.split("],")[0])
        found.append((name, columns))
    return found


def updates():
    """Every syncable table's update trigger written again (a migration that changes them)."""
    parts = []
    for table, columns in tables():
        parts.append(f"-- {table}\nDROP TRIGGER {table}_sync_update;\n{update(table, columns)}")
    return "\n".join(parts)


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "insert":
        sys.stdout.write(insert(sys.argv[2]))
    elif len(sys.argv) == 2 and sys.argv[1] == "updates":
        sys.stdout.write(updates())
    elif len(sys.argv) > 3 and sys.argv[1] == "update":
        sys.stdout.write(update(sys.argv[2], sys.argv[3:]))
    else:
        sys.exit(__doc__)
