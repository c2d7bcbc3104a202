-- Read models projected from account-events. Rebuilt from the topic, they arrive at the same state.

CREATE TABLE account (
    account_id      uuid PRIMARY KEY,
    customer_id     text           NOT NULL,
    name            text           NOT NULL,
    currency        varchar(3)     NOT NULL,
    credit_limit    numeric(19, 2),
    owed            numeric(19, 2) NOT NULL DEFAULT 0,
    deposit_balance numeric(19, 2) NOT NULL DEFAULT 0
);

CREATE TABLE invoice (
    invoice_id      text PRIMARY KEY,
    invoice_number  text           NOT NULL,
    sale_id         text           NOT NULL,
    account_id      uuid           NOT NULL REFERENCES account (account_id),
    account_version bigint         NOT NULL,
    amount          numeric(19, 2) NOT NULL,
    paid            numeric(19, 2) NOT NULL DEFAULT 0,
    lines           text           NOT NULL,
    terms           text           NOT NULL,
    issued_on       date           NOT NULL,
    due_date        date           NOT NULL
);
CREATE INDEX invoice_by_account ON invoice (account_id, issued_on DESC, account_version DESC);

-- The last version of each account's stream applied to the tables above, written in the same transaction
-- (account-events-reader's ReaderPosition).
CREATE TABLE reader_position (
    account_id   uuid PRIMARY KEY,
    last_version bigint      NOT NULL,
    updated_at   timestamptz NOT NULL
);

-- Events that arrived before a version they follow; applied, then removed, once the missing versions arrive
-- (account-events-reader's ParkedEvent).
CREATE TABLE parked_event (
    account_id uuid        NOT NULL,
    version    bigint      NOT NULL,
    body       text        NOT NULL,
    parked_at  timestamptz NOT NULL,
    PRIMARY KEY (account_id, version)
);
