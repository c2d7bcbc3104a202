-- An operator may skip a version that never reached this reader (account-service's relay skipped it, its later events
-- came): it is recorded like a skipped event, without a type or a body.
alter table skipped_event alter column event_type drop not null;
alter table skipped_event alter column body drop not null;
