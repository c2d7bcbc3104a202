-- The ledger changes a bounded number of rows per event (never every invoice of the account): the account keeps what
-- is owed on all its invoices, and an invoice is found by the sale it came from (the deposit used at the till names
-- the sale, and its invoice email's "after this sale" includes it).
alter table ledger_accounts add column owed numeric;
update ledger_accounts a
set owed = coalesce((select sum(i.owed) from ledger_invoices i where i.account_id = a.account_id), 0);
alter table ledger_accounts alter column owed set not null;

alter table ledger_invoices add column sale_id text;
update ledger_invoices set sale_id = sale::jsonb ->> 'saleId';
alter table ledger_invoices alter column sale_id set not null;
create index ledger_invoices_by_sale on ledger_invoices (sale_id);
