-- Data model v1 of the help desk's desktop database.
--
-- Sync-ready: every syncable table has a UUIDv7 primary key made on the desktop (16-byte
-- BLOB), `changed_at`, a hybrid-logical-clock stamp (see helpdesk_core::clock), and
-- `deleted`, a tombstone: rows are never removed, so a delete can travel to other desktops.
-- Histories (ticket_events) are append-only. Times are Unix milliseconds, UTC.

CREATE TABLE roles (
    id          BLOB PRIMARY KEY NOT NULL,
    name        TEXT NOT NULL UNIQUE,
    changed_at  INTEGER NOT NULL,
    deleted     INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE teams (
    id          BLOB PRIMARY KEY NOT NULL,
    name        TEXT NOT NULL UNIQUE,
    changed_at  INTEGER NOT NULL,
    deleted     INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE users (
    id             BLOB PRIMARY KEY NOT NULL,
    login          TEXT NOT NULL UNIQUE,
    name           TEXT NOT NULL,
    email          TEXT NOT NULL,
    password_hash  TEXT NOT NULL,
    role_id        BLOB NOT NULL REFERENCES roles(id),
    active         INTEGER NOT NULL DEFAULT 1,
    changed_at     INTEGER NOT NULL,
    deleted        INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE technicians (
    id          BLOB PRIMARY KEY NOT NULL,
    name        TEXT NOT NULL,
    team_id     BLOB NOT NULL REFERENCES teams(id),
    user_id     BLOB REFERENCES users(id),
    phone       TEXT NOT NULL DEFAULT '',
    active      INTEGER NOT NULL DEFAULT 1,
    changed_at  INTEGER NOT NULL,
    deleted     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX technicians_team ON technicians(team_id);

CREATE TABLE plans (
    id             BLOB PRIMARY KEY NOT NULL,
    name           TEXT NOT NULL UNIQUE,
    technology     TEXT NOT NULL,
    download_mbps  INTEGER NOT NULL,
    upload_mbps    INTEGER NOT NULL,
    price_cents    INTEGER NOT NULL,
    changed_at     INTEGER NOT NULL,
    deleted        INTEGER NOT NULL DEFAULT 0
);

-- The network node serving a contracted plan (POP, concentrator, OLT).
CREATE TABLE routing_points (
    id          BLOB PRIMARY KEY NOT NULL,
    name        TEXT NOT NULL UNIQUE,
    kind        TEXT NOT NULL,
    address     TEXT NOT NULL,
    ip          TEXT NOT NULL,
    status      TEXT NOT NULL,
    changed_at  INTEGER NOT NULL,
    deleted     INTEGER NOT NULL DEFAULT 0
);

-- `name_folded` is the name lower-cased without accents (helpdesk_core::text::fold);
-- `document` is the CPF/CNPJ digits.
CREATE TABLE customers (
    id             BLOB PRIMARY KEY NOT NULL,
    code           TEXT NOT NULL UNIQUE,
    name           TEXT NOT NULL,
    name_folded    TEXT NOT NULL,
    document       TEXT NOT NULL,
    street         TEXT NOT NULL,
    number         TEXT NOT NULL,
    district       TEXT NOT NULL,
    city           TEXT NOT NULL,
    state          TEXT NOT NULL,
    postal_code    TEXT NOT NULL,
    created_at     INTEGER NOT NULL,
    changed_at     INTEGER NOT NULL,
    deleted        INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX customers_name_folded ON customers(name_folded);
CREATE INDEX customers_document ON customers(document);

CREATE TABLE customer_emails (
    id             BLOB PRIMARY KEY NOT NULL,
    customer_id    BLOB NOT NULL REFERENCES customers(id),
    email          TEXT NOT NULL,
    email_folded   TEXT NOT NULL,
    changed_at     INTEGER NOT NULL,
    deleted        INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX customer_emails_customer ON customer_emails(customer_id);
CREATE INDEX customer_emails_folded ON customer_emails(email_folded);

CREATE TABLE customer_phones (
    id             BLOB PRIMARY KEY NOT NULL,
    customer_id    BLOB NOT NULL REFERENCES customers(id),
    phone          TEXT NOT NULL,
    digits         TEXT NOT NULL,
    changed_at     INTEGER NOT NULL,
    deleted        INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX customer_phones_customer ON customer_phones(customer_id);
CREATE INDEX customer_phones_digits ON customer_phones(digits);

-- A plan the customer contracted, with its PPPoE login and the node that serves it.
CREATE TABLE customer_plans (
    id                BLOB PRIMARY KEY NOT NULL,
    customer_id       BLOB NOT NULL REFERENCES customers(id),
    plan_id           BLOB NOT NULL REFERENCES plans(id),
    routing_point_id  BLOB NOT NULL REFERENCES routing_points(id),
    login             TEXT NOT NULL,
    status            TEXT NOT NULL,
    installed_on      TEXT NOT NULL,
    changed_at        INTEGER NOT NULL,
    deleted           INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX customer_plans_customer ON customer_plans(customer_id);
CREATE INDEX customer_plans_login ON customer_plans(login);

-- A contact person of a customer ("Novo Contato").
CREATE TABLE contacts (
    id           BLOB PRIMARY KEY NOT NULL,
    customer_id  BLOB NOT NULL REFERENCES customers(id),
    name         TEXT NOT NULL,
    phone        TEXT NOT NULL,
    email        TEXT NOT NULL,
    relation     TEXT NOT NULL,
    changed_at   INTEGER NOT NULL,
    deleted      INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX contacts_customer ON contacts(customer_id);

-- Substring search over the customers' fields: an FTS5 trigram index kept by the store in
-- the same transaction as the rows it mirrors (one row per customer; multi-valued fields
-- joined with spaces).
CREATE VIRTUAL TABLE customer_search USING fts5(
    customer_id UNINDEXED,
    name,
    code,
    document,
    logins,
    emails,
    phones,
    tokenize = 'trigram'
);

-- A message a customer sent to the online support channel ("Suporte Online").
CREATE TABLE support_messages (
    id            BLOB PRIMARY KEY NOT NULL,
    email         TEXT NOT NULL,
    email_folded  TEXT NOT NULL,
    subject       TEXT NOT NULL,
    login         TEXT NOT NULL,
    body          TEXT NOT NULL,
    received_at   INTEGER NOT NULL,
    changed_at    INTEGER NOT NULL,
    deleted       INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX support_messages_email_received ON support_messages(email_folded, received_at);
CREATE INDEX support_messages_received ON support_messages(received_at);

-- "Tipo de Atendimento": optionally destined to a user or a role, with its SLA.
CREATE TABLE ticket_types (
    id                BLOB PRIMARY KEY NOT NULL,
    name              TEXT NOT NULL UNIQUE,
    destined_user_id  BLOB REFERENCES users(id),
    destined_role_id  BLOB REFERENCES roles(id),
    sla_hours         INTEGER NOT NULL,
    changed_at        INTEGER NOT NULL,
    deleted           INTEGER NOT NULL DEFAULT 0,
    CHECK (destined_user_id IS NULL OR destined_role_id IS NULL)
);

CREATE TABLE work_order_types (
    id                BLOB PRIMARY KEY NOT NULL,
    name              TEXT NOT NULL UNIQUE,
    is_site_survey    INTEGER NOT NULL DEFAULT 0,
    default_minutes   INTEGER NOT NULL,
    color             TEXT NOT NULL,
    changed_at        INTEGER NOT NULL,
    deleted           INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE work_order_statuses (
    id          BLOB PRIMARY KEY NOT NULL,
    name        TEXT NOT NULL UNIQUE,
    color       TEXT NOT NULL,
    is_final    INTEGER NOT NULL DEFAULT 0,
    position    INTEGER NOT NULL,
    changed_at  INTEGER NOT NULL,
    deleted     INTEGER NOT NULL DEFAULT 0
);

-- A troubleshooting script; each published version is kept, and a ticket keeps the one it ran.
CREATE TABLE scripts (
    id          BLOB PRIMARY KEY NOT NULL,
    name        TEXT NOT NULL UNIQUE,
    keywords    TEXT NOT NULL,
    changed_at  INTEGER NOT NULL,
    deleted     INTEGER NOT NULL DEFAULT 0
);

-- `definition` is the script's graph as JSON (nodes, texts, options and their targets).
CREATE TABLE script_versions (
    id            BLOB PRIMARY KEY NOT NULL,
    script_id     BLOB NOT NULL REFERENCES scripts(id),
    version       INTEGER NOT NULL,
    definition    TEXT NOT NULL,
    published_at  INTEGER NOT NULL,
    changed_at    INTEGER NOT NULL,
    deleted       INTEGER NOT NULL DEFAULT 0,
    UNIQUE (script_id, version)
);

CREATE TABLE email_templates (
    id          BLOB PRIMARY KEY NOT NULL,
    name        TEXT NOT NULL UNIQUE,
    subject     TEXT NOT NULL,
    body        TEXT NOT NULL,
    changed_at  INTEGER NOT NULL,
    deleted     INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE tickets (
    id                  BLOB PRIMARY KEY NOT NULL,
    protocol            TEXT NOT NULL UNIQUE,
    origin              TEXT NOT NULL,
    customer_id         BLOB NOT NULL REFERENCES customers(id),
    customer_plan_id    BLOB REFERENCES customer_plans(id),
    support_message_id  BLOB REFERENCES support_messages(id),
    problem             TEXT NOT NULL,
    ticket_type_id      BLOB REFERENCES ticket_types(id),
    assigned_user_id    BLOB REFERENCES users(id),
    assigned_role_id    BLOB REFERENCES roles(id),
    status              TEXT NOT NULL,
    opened_by           BLOB NOT NULL REFERENCES users(id),
    opened_at           INTEGER NOT NULL,
    due_at              INTEGER,
    resolved_at         INTEGER,
    changed_at          INTEGER NOT NULL,
    deleted             INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX tickets_customer ON tickets(customer_id, opened_at);
CREATE INDEX tickets_status ON tickets(status, opened_at);

-- The ticket's history, append-only: script reports, contacts, e-mails, status changes ...
CREATE TABLE ticket_events (
    id          BLOB PRIMARY KEY NOT NULL,
    ticket_id   BLOB NOT NULL REFERENCES tickets(id),
    kind        TEXT NOT NULL,
    payload     TEXT NOT NULL,
    user_id     BLOB NOT NULL REFERENCES users(id),
    at          INTEGER NOT NULL,
    changed_at  INTEGER NOT NULL
);
CREATE INDEX ticket_events_ticket ON ticket_events(ticket_id, at);

CREATE TABLE work_orders (
    id              BLOB PRIMARY KEY NOT NULL,
    ticket_id       BLOB NOT NULL REFERENCES tickets(id),
    customer_id     BLOB NOT NULL REFERENCES customers(id),
    technician_id   BLOB NOT NULL REFERENCES technicians(id),
    type_id         BLOB NOT NULL REFERENCES work_order_types(id),
    status_id       BLOB NOT NULL REFERENCES work_order_statuses(id),
    starts_at       INTEGER NOT NULL,
    ends_at         INTEGER NOT NULL,
    description     TEXT NOT NULL,
    address         TEXT NOT NULL,
    changed_at      INTEGER NOT NULL,
    deleted         INTEGER NOT NULL DEFAULT 0,
    CHECK (ends_at > starts_at)
);
CREATE INDEX work_orders_technician_time ON work_orders(technician_id, starts_at);
CREATE INDEX work_orders_time ON work_orders(starts_at);
CREATE INDEX work_orders_ticket ON work_orders(ticket_id);

CREATE TABLE tasks (
    id                BLOB PRIMARY KEY NOT NULL,
    ticket_id         BLOB REFERENCES tickets(id),
    title             TEXT NOT NULL,
    description       TEXT NOT NULL,
    assignee_user_id  BLOB REFERENCES users(id),
    assignee_role_id  BLOB REFERENCES roles(id),
    due_at            INTEGER,
    done_at           INTEGER,
    created_by        BLOB NOT NULL REFERENCES users(id),
    changed_at        INTEGER NOT NULL,
    deleted           INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX tasks_assignee_user ON tasks(assignee_user_id, done_at);
CREATE INDEX tasks_assignee_role ON tasks(assignee_role_id, done_at);

-- A file attached to a ticket, stored once by content hash; the user's name is for display.
CREATE TABLE attachments (
    id             BLOB PRIMARY KEY NOT NULL,
    ticket_id      BLOB NOT NULL REFERENCES tickets(id),
    file_name      TEXT NOT NULL,
    content_hash   TEXT NOT NULL,
    size_bytes     INTEGER NOT NULL,
    notes          TEXT NOT NULL,
    added_by       BLOB NOT NULL REFERENCES users(id),
    added_at       INTEGER NOT NULL,
    changed_at     INTEGER NOT NULL,
    deleted        INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX attachments_ticket ON attachments(ticket_id);

-- This desktop's own settings (device id, desktop number, last clock stamp); never synced.
CREATE TABLE local_settings (
    key    TEXT PRIMARY KEY NOT NULL,
    value  TEXT NOT NULL
);
