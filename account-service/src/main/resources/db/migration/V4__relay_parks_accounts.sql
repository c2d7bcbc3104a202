-- An account whose outbox row the relay cannot publish for a reason that follows the row (too large for the
-- topic, refused as invalid by the broker) is parked here: its later rows wait behind it, in order, until an
-- operator retries it (the row is deleted) or skips the event (outbox_skipped_event). Other accounts go on.
create table outbox_parked_account (
    account_id uuid        primary key,
    position   bigint      not null,
    version    bigint      not null,
    event_type text        not null,
    reason     text        not null,
    parked_at  timestamptz not null
);

-- What operators chose not to publish, and why: the event stays in account_events (the truth); its outbox row
-- is marked published so that the relay passes it.
create table outbox_skipped_event (
    position      bigint      primary key,
    account_id    uuid        not null,
    version       bigint      not null,
    event_type    text        not null,
    parked_reason text        not null,
    parked_at     timestamptz not null,
    reason        text        not null,
    skipped_by    text        not null,
    skipped_at    timestamptz not null
);
create index outbox_skipped_event_by_time on outbox_skipped_event (skipped_at);

-- A republished event goes through the outbox again under its own id, so an event id may now be on several rows.
alter table outbox drop constraint outbox_event_id_key;

-- How many rows wait behind a parked account, without walking the whole backlog.
create index outbox_unpublished_by_account on outbox (account_id, position) where published_at is null;
