-- An invoice email decided on a sale whose command appended more events after it (the deposit used at the till)
-- waits, PENDING with no next attempt, until the reader has applied the command's last version of the account:
-- then it is due, and shows the account after the whole command. Null for every other email.
alter table notifications add column awaited_version bigint;
create index notifications_awaiting_command on notifications (account_id) where awaited_version is not null;
