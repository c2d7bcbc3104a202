-- Each credit account is a stream of events; (account_id, version) is unique, which is what settles
-- concurrent commands on one account: the second append at the same version fails and is decided again.
create table account_events (
    account_id  uuid        not null,
    version     bigint      not null check (version >= 1),
    event_id    uuid        not null unique,
    event_type  text        not null,
    data        jsonb       not null,
    occurred_at timestamptz not null,
    primary key (account_id, version)
);

-- The transactional outbox: written in the same transaction as the events, published to Kafka by the relay.
-- body is the exact record value, so a re-publication after a crash is byte-for-byte the same event.
create table outbox (
    position     bigserial   primary key,
    event_id     uuid        not null unique,
    account_id   uuid        not null,
    version      bigint      not null,
    event_type   text        not null,
    body         text        not null,
    occurred_at  timestamptz not null,
    published_at timestamptz
);
create index outbox_unpublished on outbox (position) where published_at is null;

-- Opening twice for one customer never makes a second account.
create table customer_accounts (
    customer_id text primary key,
    account_id  uuid not null unique
);

-- Invoice numbers are sequential per store and never reused: the counter moves in the charge's transaction,
-- so a declined or failed charge gives its number back.
create table invoice_numbers (
    store_id    text   primary key,
    last_number bigint not null
);
