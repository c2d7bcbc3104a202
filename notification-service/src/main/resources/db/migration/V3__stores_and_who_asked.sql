-- Each account's store, from AccountOpened.storeId: staff see only their stores' accounts and emails. Accounts
-- known before stores were recorded belong to the deployment's default store (STORE_ID).
alter table customer_contacts add column store_id text;
update customer_contacts set store_id = '${default_store}';
alter table customer_contacts alter column store_id set not null;
create index customer_contacts_by_store on customer_contacts (store_id, account_id);

-- Who asked, as their verified token says: the user and the role of a statement request or a resend, and of the
-- operator who last took a parked email up again.
alter table notifications add column requested_by_role text;
alter table notifications add column retried_by text;
alter table notifications add column retried_by_role text;
