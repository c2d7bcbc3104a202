-- Every event of the catalogue projected; amounts at the account currency's scale (numeric without a fixed scale:
-- JPY keeps 0 decimals, CAD 2); history for statements and aging. The read models reference each other by id only
-- (no foreign keys), so that a rebuild can make them afresh in shadow tables and switch them in.

ALTER TABLE invoice DROP CONSTRAINT IF EXISTS invoice_account_id_fkey;

ALTER TABLE account
    ALTER COLUMN credit_limit TYPE numeric,
    ALTER COLUMN owed TYPE numeric,
    ALTER COLUMN deposit_balance TYPE numeric,
    ADD COLUMN held           numeric NOT NULL DEFAULT 0,
    ADD COLUMN account_status text    NOT NULL DEFAULT 'OPEN';
CREATE INDEX account_by_name ON account (lower(name), account_id);

ALTER TABLE invoice
    ALTER COLUMN amount TYPE numeric,
    ALTER COLUMN paid TYPE numeric,
    ADD COLUMN store_id           text,
    ADD COLUMN credited           numeric NOT NULL DEFAULT 0,
    ADD COLUMN debited            numeric NOT NULL DEFAULT 0,
    ADD COLUMN refunded           numeric NOT NULL DEFAULT 0,
    ADD COLUMN written_off_amount numeric NOT NULL DEFAULT 0,
    ADD COLUMN written_off        boolean NOT NULL DEFAULT false,
    ADD COLUMN owed               numeric;
UPDATE invoice SET owed = amount - paid;
ALTER TABLE invoice ALTER COLUMN owed SET NOT NULL;
CREATE INDEX invoice_by_due_date ON invoice (due_date) WHERE owed > 0 AND NOT written_off;

-- Holds placed and not yet captured, voided or expired: their sum is the account's held.
CREATE TABLE credit_hold (
    hold_key   text PRIMARY KEY, -- account id ':' hold id (hold ids are unique per account only)
    account_id uuid    NOT NULL,
    hold_id    text    NOT NULL,
    amount     numeric NOT NULL
);
CREATE INDEX credit_hold_by_account ON credit_hold (account_id);

-- One row per event that moves the customer's net position (deposit balance - owed) or the deposit balance.
CREATE TABLE ledger_entry (
    entry_id       text PRIMARY KEY, -- account id ':' version ':' type
    account_id     uuid    NOT NULL,
    version        bigint  NOT NULL,
    entry_date     date    NOT NULL, -- occurredAt in the store's time zone
    type           text    NOT NULL,
    reference      text    NOT NULL,
    description    text    NOT NULL,
    amount         numeric NOT NULL, -- effect on the net position: negative when the customer owes more
    deposit_change numeric NOT NULL
);
CREATE INDEX ledger_entry_by_account ON ledger_entry (account_id, entry_date, version);

-- Payments, deposits applied, credits, debits, refunds and write-offs, per invoice.
CREATE TABLE invoice_application (
    application_id text PRIMARY KEY, -- account id ':' version ':' allocation index
    invoice_id     text    NOT NULL,
    account_id     uuid    NOT NULL,
    version        bigint  NOT NULL,
    applied_on     date    NOT NULL,
    kind           text    NOT NULL,
    reference      text    NOT NULL,
    amount         numeric NOT NULL,
    owed_change    numeric NOT NULL  -- negative when it lowered what is owed
);
CREATE INDEX invoice_application_by_invoice ON invoice_application (invoice_id, version);
