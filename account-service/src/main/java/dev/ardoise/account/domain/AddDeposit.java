package dev.ardoise.account.domain;

import dev.ardoise.events.DepositPurpose;

import java.math.BigDecimal;

/** The customer leaves money on the account; {@code depositId} is the idempotency key. */
public record AddDeposit(String depositId, BigDecimal amount, DepositPurpose purpose, String reference) {
}
