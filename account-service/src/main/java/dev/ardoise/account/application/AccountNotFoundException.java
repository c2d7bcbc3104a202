package dev.ardoise.account.application;

import java.util.UUID;

public class AccountNotFoundException extends RuntimeException {
    public AccountNotFoundException(UUID accountId) {
        super("no credit account " + accountId);
    }
}
