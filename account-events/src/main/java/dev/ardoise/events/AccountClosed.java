package dev.ardoise.events;

/** The account was closed with nothing owed and nothing held; it accepts nothing more. */
public record AccountClosed(String reason) implements AccountEvent {
}
