-- The back office finds a customer by email: the addresses accounts were opened with or changed to, case ignored.
-- Only the events that set an address are indexed; the account's current address is checked on its state.
create index account_events_by_email on account_events (lower(data ->> 'email'))
    where event_type in ('AccountOpened', 'CustomerDetailsChanged');
