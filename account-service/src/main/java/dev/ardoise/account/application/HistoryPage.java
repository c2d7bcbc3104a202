package dev.ardoise.account.application;

import dev.ardoise.events.RecordedEvent;

import java.util.List;
import java.util.OptionalLong;

/**
 * A page of an account's history, in version order; {@code nextAfter} is the version the next page starts after,
 * empty when this page ends the history as it stands.
 */
public record HistoryPage(List<RecordedEvent> events, OptionalLong nextAfter) {
}
