-- Each invoice keeps the account's deposit balance after its sale's whole command (a deposit used at the till
-- lowers it), next to the balance and available credit: its email shows the three. Null for an invoice charged
-- before this column existed: its email shows no deposits row, as before.
alter table ledger_invoices add column deposits_after numeric;
