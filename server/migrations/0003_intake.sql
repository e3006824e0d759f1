-- Support messages the server takes in for the desktops: the provider's customer portal
-- posts them with a key of its own, and each message is taken once.

-- An integration (the provider's site or app) and the digest of its key's secret; a revoked
-- integration's key is refused from then on.
CREATE TABLE integrations (
    id uuid PRIMARY KEY,
    name text NOT NULL,
    secret_digest bytea NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    revoked_at timestamptz NULL,
    last_used_at timestamptz NULL
);

-- Every message taken, by what makes it the same message again (a mail's Message-ID, or a
-- digest of its content): the support message it became.
CREATE TABLE intake_seen (
    dedupe_key text COLLATE "C" PRIMARY KEY,
    message_id uuid NOT NULL,
    taken_at timestamptz NOT NULL DEFAULT now()
);

-- The support mailboxes the server reads (IMAP). The password is kept here because the
-- server itself logs in: whoever reads this database can read the mailbox. The API never
-- answers it. status, status_detail and status_at are the watcher's last report, for the
-- administrator; changed_at tells the watcher its settings changed.
CREATE TABLE mailboxes (
    id uuid PRIMARY KEY,
    host text NOT NULL,
    port integer NOT NULL CHECK (port BETWEEN 1 AND 65535),
    tls text NOT NULL CHECK (tls IN ('implicit', 'starttls', 'none')),
    login text NOT NULL,
    password text NOT NULL,
    folder text NOT NULL DEFAULT 'INBOX',
    move_handled_to text NULL,
    enabled boolean NOT NULL DEFAULT true,
    status text NOT NULL DEFAULT 'waiting',
    status_detail text NOT NULL DEFAULT '',
    status_at timestamptz NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    changed_at timestamptz NOT NULL DEFAULT now()
);
