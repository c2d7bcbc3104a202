package dev.ardoise.invoice.persistence;

import dev.ardoise.invoice.domain.AccountBalance;

import java.math.BigDecimal;

/** A row of the store's list of credit accounts: the account's figures and what of it is overdue today. */
public record AccountListing(AccountBalance balance, BigDecimal overdue) {
}
