package dev.ardoise.account.domain;

import java.time.Instant;
import java.time.LocalDate;

/** When a command is decided: the instant, and the store's date (the domain never reads the clock). */
public record Moment(Instant now, LocalDate today) {
}
