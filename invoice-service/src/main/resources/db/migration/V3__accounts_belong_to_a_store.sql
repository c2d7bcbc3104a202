-- An account belongs to the store that opened it (AccountOpened.storeId); only that store's staff see it, and the
-- lists, aging and invoice queries filter on it. Rows projected before this column existed take the deployment's
-- default store (STORE_ID), as an opening that names no store does; a rebuild recomputes every row from the events.

ALTER TABLE account ADD COLUMN store_id text;
UPDATE account SET store_id = '${default_store}';
ALTER TABLE account ALTER COLUMN store_id SET NOT NULL;
CREATE INDEX account_by_store ON account (store_id, lower(name), account_id);
