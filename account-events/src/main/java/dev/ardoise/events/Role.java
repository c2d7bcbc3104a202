package dev.ardoise.events;

/** What the person or system behind an event may do: only a manager sets limits, refunds, adjusts, writes off. */
public enum Role {
    CASHIER, MANAGER, SYSTEM
}
