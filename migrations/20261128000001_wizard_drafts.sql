-- The "Novo Atendimento" wizard's draft, one per operator, saved as they go so that a closed
-- or killed app loses nothing.
--
-- Local to this desktop and never synced: a draft is work in progress on this machine, so
-- it has no `changed_at` or `deleted`, and discarding it removes the row. `draft` is the
-- helpdesk_core::wizard::WizardDraft as JSON; `revision` is its revision, kept beside it so
-- an older save never overwrites a newer one; `saved_at` is Unix milliseconds, UTC.
CREATE TABLE wizard_drafts (
    user_id   BLOB PRIMARY KEY NOT NULL REFERENCES users(id),
    revision  INTEGER NOT NULL,
    draft     TEXT NOT NULL,
    saved_at  INTEGER NOT NULL
);
