-- What the service keeps from AccountOpened: one row per account.
create table customer_contacts (
    account_id    uuid primary key,
    name          text    not null,
    email         text,
    email_consent boolean not null,
    language      text    not null,
    currency      text    not null
);

-- The last event version applied per account, written in the same transaction as the change
-- (account-events-reader's ReaderPosition).
create table reader_position (
    account_id   uuid primary key,
    last_version bigint      not null,
    updated_at   timestamptz not null
);

-- Events that arrived ahead of a gap, applied once the missing versions have arrived
-- (account-events-reader's ParkedEvent).
create table parked_event (
    account_id uuid        not null,
    version    bigint      not null,
    body       text        not null,
    parked_at  timestamptz not null,
    primary key (account_id, version)
);

-- The delivery log: one row per invoice email, recorded before and after sending.
create table notifications (
    id              uuid primary key,
    account_id      uuid        not null,
    invoice_id      text        not null,
    invoice_number  text        not null,
    kind            text        not null,
    recipient       text,
    customer_name   text        not null,
    language        text        not null,
    currency        text        not null,
    invoice         text        not null,
    status          text        not null,
    reason          text,
    attempts        integer     not null default 0,
    last_error      text,
    next_attempt_at timestamptz,
    claimed_at      timestamptz,
    created_at      timestamptz not null,
    sent_at         timestamptz,
    constraint one_notification_per_invoice unique (invoice_id, kind),
    constraint known_status check (status in ('PENDING', 'SENDING', 'SENT', 'SKIPPED', 'FAILED'))
);

create index notifications_due on notifications (next_attempt_at) where status = 'PENDING';
create index notifications_claimed on notifications (claimed_at) where status = 'SENDING';
create index notifications_by_account on notifications (account_id, created_at desc);
create index notifications_by_created on notifications (created_at desc);
