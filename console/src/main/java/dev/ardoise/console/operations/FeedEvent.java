package dev.ardoise.console.operations;

/**
 * One event of account-events as the live feed shows it: what happened, to which account, in which store, for how
 * much. No customer detail (name, email) leaves the console's reader. {@code amount} is the exact decimal the event
 * carries, or null; {@code storeId} is null when neither the event nor an earlier one of the account named it.
 */
public record FeedEvent(String eventId, String type, String accountId, String storeId, String amount,
                        long version, String occurredAt, String publishedAt) {
}
