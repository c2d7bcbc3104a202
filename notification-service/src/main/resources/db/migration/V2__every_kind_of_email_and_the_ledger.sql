-- Invoices, reminders and statements share the delivery log: one row per (account, kind, subject key), e.g.
-- (invoice id, INVOICE), ('<invoice id>:<offset>', REMINDER), ('2026-10-01..2026-10-31', STATEMENT),
-- ('resend:<key>', INVOICE) for a manager's resend.
alter table notifications drop constraint one_notification_per_invoice;
alter table notifications add column subject_key text;
update notifications set subject_key = invoice_id;
alter table notifications alter column subject_key set not null;
alter table notifications add constraint one_notification_per_subject unique (account_id, kind, subject_key);
alter table notifications alter column invoice_id drop not null;
alter table notifications alter column invoice_number drop not null;
alter table notifications alter column invoice drop not null;
alter table notifications add column offset_days integer;
alter table notifications add column period_from date;
alter table notifications add column period_to date;
alter table notifications add column requested_by text;
alter table notifications drop constraint known_status;
alter table notifications add constraint known_status
    check (status in ('PENDING', 'SENDING', 'SENT', 'SKIPPED', 'FAILED'));
create index notifications_by_invoice on notifications (invoice_id);
create index notifications_failed on notifications (created_at) where status = 'FAILED';

-- The little of each account the emails need, folded from every event (event catalogue, "How events change an
-- account"), in the reader's transaction: the credit limit, the deposit balance, the open holds (JSON object
-- hold id -> amount) ...
create table ledger_accounts (
    account_id      uuid primary key,
    credit_limit    numeric,
    deposit_balance numeric not null,
    holds           text    not null
);

-- ... and what is owed on each invoice, with the invoice itself (the SaleCharged data) and the account's balance
-- and available credit just after its sale.
create table ledger_invoices (
    invoice_id      text primary key,
    account_id      uuid    not null,
    invoice_number  text    not null,
    total           numeric not null,
    owed            numeric not null,
    issued_on       date    not null,
    due_date        date    not null,
    written_off     boolean not null,
    balance_after   numeric not null,
    available_after numeric not null,
    sale            text    not null
);

create index ledger_invoices_by_account on ledger_invoices (account_id);
create index ledger_invoices_still_owed on ledger_invoices (due_date) where owed > 0 and not written_off;
