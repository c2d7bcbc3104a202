-- A deposit used at the till completes a sale only when its own command appended that sale: each invoice keeps the
-- account's version of its SaleCharged (null for an invoice kept before, whose command is long whole), and is found
-- by its sale within its account.
alter table ledger_invoices add column sale_version bigint;
drop index ledger_invoices_by_sale;
create index ledger_invoices_by_account_sale on ledger_invoices (account_id, sale_id);
