package dev.ardoise.events;

/** A suspended account may charge again. */
public record AccountReactivated(String reason) implements AccountEvent {
}
