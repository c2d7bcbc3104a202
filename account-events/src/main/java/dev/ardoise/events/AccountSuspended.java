package dev.ardoise.events;

/** No new charge or hold is accepted until the account is reactivated; payments and deposits still are. */
public record AccountSuspended(String reason) implements AccountEvent {
}
