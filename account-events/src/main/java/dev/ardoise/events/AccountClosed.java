package dev.ardoise.events;

/** The account was closed with nothing owed, nothing held and no deposit left; it accepts nothing more. */
public record AccountClosed(String reason) implements AccountEvent {
}
