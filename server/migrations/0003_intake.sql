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
