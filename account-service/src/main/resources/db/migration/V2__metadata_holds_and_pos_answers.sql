-- Who caused each event and the request it belongs to (EventMetadata as JSON); null for events recorded before.
alter table account_events add column metadata jsonb;

-- The holds still reserving credit, kept in the append's transaction, so that the expiry job finds the lapsed
-- ones without replaying every stream. A row goes when its hold is captured, voided or expired.
create table credit_holds (
    account_id uuid        not null,
    hold_id    text        not null,
    expires_at timestamptz not null,
    primary key (account_id, hold_id)
);
create index credit_holds_by_expiry on credit_holds (expires_at);

-- Every answer given on pos-sale-results, by sale: the same sale published again gets the same answer,
-- a decline included (declines are not events).
create table pos_sale_answers (
    account_id  text        not null,
    sale_id     text        not null,
    answer_id   uuid        not null,
    answer_type text        not null,
    answer      text        not null,
    answered_at timestamptz not null,
    primary key (account_id, sale_id)
);
