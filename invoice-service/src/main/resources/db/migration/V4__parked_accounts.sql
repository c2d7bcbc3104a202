-- An account whose next event could not be applied (account-events-reader's ParkedAccount): the event and why, kept
-- until an operator retries or skips it. Its later events wait behind it in parked_event; every other account goes on.
CREATE TABLE parked_account (
    account_id uuid PRIMARY KEY,
    version    bigint      NOT NULL,
    event_type text        NOT NULL,
    body       text        NOT NULL,
    reason     text        NOT NULL,
    parked_at  timestamptz NOT NULL,
    tried_at   timestamptz NOT NULL
);

-- The events operators skipped, kept for good: why each could not be applied, the operator's reason, who and when.
CREATE TABLE skipped_event (
    account_id    uuid        NOT NULL,
    version       bigint      NOT NULL,
    event_type    text        NOT NULL,
    body          text        NOT NULL,
    parked_reason text        NOT NULL,
    reason        text        NOT NULL,
    skipped_by    text        NOT NULL,
    skipped_at    timestamptz NOT NULL,
    PRIMARY KEY (account_id, version)
);
