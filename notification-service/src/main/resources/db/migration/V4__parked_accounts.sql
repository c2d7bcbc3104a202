-- An account whose next event could not be applied (account-events-reader's ParkedAccount): the event and why, kept
-- until an operator retries or skips it. Its later events wait behind it in parked_event; every other account goes on.
create table parked_account (
    account_id uuid primary key,
    version    bigint      not null,
    event_type text        not null,
    body       text        not null,
    reason     text        not null,
    parked_at  timestamptz not null,
    tried_at   timestamptz not null
);

-- The events operators skipped, kept for good: why each could not be applied, the operator's reason, who and when.
create table skipped_event (
    account_id    uuid        not null,
    version       bigint      not null,
    event_type    text        not null,
    body          text        not null,
    parked_reason text        not null,
    reason        text        not null,
    skipped_by    text        not null,
    skipped_at    timestamptz not null,
    primary key (account_id, version)
);
