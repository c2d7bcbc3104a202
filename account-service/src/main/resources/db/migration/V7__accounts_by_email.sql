-- The back office finds a customer by email: the addresses accounts were opened with or changed to, case ignored.
-- Only the events that set an address are indexed; the latest of them per account says its current address.
-- Built CONCURRENTLY so that the event table takes appends during the build (a plain build blocks them all); which
-- runs outside a transaction (V7__accounts_by_email.sql.conf) and with Flyway's session-level lock
-- (MigrationLock). A build that fails leaves an invalid index that IF NOT EXISTS would keep: drop it, then repair.
create index concurrently if not exists account_events_by_email on account_events (lower(data ->> 'email'))
    where event_type in ('AccountOpened', 'CustomerDetailsChanged');
