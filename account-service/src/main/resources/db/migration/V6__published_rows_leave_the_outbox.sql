-- The relay now deletes the rows it published instead of setting published_at (the topic keeps the records, the
-- event store the events), so the outbox stays the size of its backlog. The rows earlier relays marked go too.
-- published_at stays: null on every row from now on, and what the partial indexes filter on.
delete from outbox where published_at is not null;
