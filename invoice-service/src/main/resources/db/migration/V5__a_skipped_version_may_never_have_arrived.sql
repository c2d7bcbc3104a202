-- An operator may skip a version that never reached this reader (account-service's relay skipped it, its later events
-- came): it is recorded like a skipped event, without a type or a body.
ALTER TABLE skipped_event ALTER COLUMN event_type DROP NOT NULL;
ALTER TABLE skipped_event ALTER COLUMN body DROP NOT NULL;
