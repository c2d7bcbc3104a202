package dev.ardoise.account.application;

import dev.ardoise.account.domain.CreditAccount;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The accounts this instance decided on lately, each as the state at a version it read or committed, so that a
 * command needs no stream read. An entry is never changed once kept: a command that commits applies its events to
 * a copy and keeps the copy, so any number of commands and reads may decide on the same entry at once. An entry
 * may be behind what another instance committed; the expected-version append refuses a decision taken on it, and
 * the account is then brought up to date with the events after its version alone. The least recently used
 * accounts are dropped beyond {@code ardoise.accounts.kept-in-memory}.
 */
@ApplicationScoped
public class LoadedAccounts {
    private final Map<UUID, CreditAccount> accounts;

    LoadedAccounts(@ConfigProperty(name = "ardoise.accounts.kept-in-memory", defaultValue = "5000") int most,
                   MeterRegistry meters) {
        this.accounts = new LinkedHashMap<>(Math.min(most, 1024), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<UUID, CreditAccount> eldest) {
                return size() > most;
            }
        };
        meters.gauge("ardoise.accounts.kept.in.memory", this, LoadedAccounts::size);
    }

    synchronized Optional<CreditAccount> get(UUID accountId) {
        return Optional.ofNullable(accounts.get(accountId));
    }

    /** Keeps the account unless a later version of it is kept already (a slower command must not set it back). */
    synchronized CreditAccount keep(CreditAccount account) {
        return accounts.merge(account.id(), account,
                (kept, offered) -> offered.version() >= kept.version() ? offered : kept);
    }

    synchronized void forget(UUID accountId) {
        accounts.remove(accountId);
    }

    synchronized int size() {
        return accounts.size();
    }
}
