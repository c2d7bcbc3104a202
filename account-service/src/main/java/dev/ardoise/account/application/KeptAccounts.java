package dev.ardoise.account.application;

import dev.ardoise.account.domain.CreditAccount;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.UUID;

/**
 * The accounts this instance decided on lately, each as the state at a version it read or committed, so that a
 * command needs no stream read. An entry is never changed once kept: a command that commits applies its events to
 * a copy and keeps the copy, so any number of commands and reads may decide on the same entry at once. An entry
 * may be behind what another instance committed; the expected-version append refuses a decision taken on it, and
 * the account is then brought up to date with the events after its version alone.
 *
 * <p>Bounded by the events the kept accounts were folded from ({@code ardoise.accounts.kept-events}), not by their
 * number: an account's state grows with its history (measured: about 600 bytes of heap an event, 12 kB for an
 * account of 20 events), so a few long accounts weigh what thousands of new ones do. The least recently used go
 * first; an account longer than the whole bound is not kept.
 */
@ApplicationScoped
public class KeptAccounts {
    private final long mostEvents;
    private final LinkedHashMap<UUID, CreditAccount> accounts = new LinkedHashMap<>(1024, 0.75f, true);
    private long events;

    KeptAccounts(@ConfigProperty(name = "ardoise.accounts.kept-events", defaultValue = "50000") long mostEvents,
                   MeterRegistry meters) {
        this.mostEvents = mostEvents;
        meters.gauge("ardoise.accounts.kept", this, KeptAccounts::size);
    }

    synchronized Optional<CreditAccount> get(UUID accountId) {
        return Optional.ofNullable(accounts.get(accountId));
    }

    /**
     * Keeps the account unless a later version of it is kept already (a slower command must not set it back).
     *
     * @return the account kept, or the one given when it is not kept
     */
    synchronized CreditAccount keep(CreditAccount account) {
        CreditAccount kept = accounts.get(account.id());
        if (kept != null && kept.version() > account.version()) {
            return kept;
        }
        if (kept != null) {
            events -= kept.version();
            accounts.remove(account.id());
        }
        if (account.version() > mostEvents) {
            return account;
        }
        accounts.put(account.id(), account);
        events += account.version();
        Iterator<CreditAccount> eldestFirst = accounts.values().iterator();
        while (events > mostEvents && eldestFirst.hasNext()) {
            events -= eldestFirst.next().version();
            eldestFirst.remove();
        }
        return account;
    }

    /** Forgets the account: the event store no longer holds what it was folded from (see CreditAccounts#latest). */
    synchronized void forget(UUID accountId) {
        CreditAccount kept = accounts.remove(accountId);
        if (kept != null) {
            events -= kept.version();
        }
    }

    synchronized int size() {
        return accounts.size();
    }
}
