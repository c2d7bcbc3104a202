-- A customer id is unique within its store: two stores may each have a customer C-1001, each with its own account.
-- The accounts opened before stores were walled apart belong to the deployment's default store (ardoise.store.id).
alter table customer_accounts add column store_id text;
update customer_accounts set store_id = '${default_store}';
alter table customer_accounts alter column store_id set not null;
alter table customer_accounts drop constraint customer_accounts_pkey;
alter table customer_accounts add primary key (store_id, customer_id);
