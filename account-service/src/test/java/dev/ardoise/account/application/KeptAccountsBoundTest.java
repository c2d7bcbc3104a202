package dev.ardoise.account.application;

import dev.ardoise.account.domain.CreditAccount;
import dev.ardoise.events.AccountEvent;
import dev.ardoise.events.AccountOpened;
import dev.ardoise.events.CreditLimitSet;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** The kept accounts: bounded by their events, least recently used dropped first, never set back to an older state. */
class KeptAccountsBoundTest {

    @Test
    void the_least_recently_used_accounts_go_first_once_the_kept_events_pass_the_bound() {
        KeptAccounts accounts = new KeptAccounts(10, new SimpleMeterRegistry());
        CreditAccount first = account(UUID.randomUUID(), 4);
        CreditAccount second = account(UUID.randomUUID(), 4);
        accounts.keep(first);
        accounts.keep(second);
        accounts.get(first.id());

        CreditAccount third = account(UUID.randomUUID(), 3);
        accounts.keep(third);

        assertEquals(Optional.of(first), accounts.get(first.id()));
        assertEquals(Optional.empty(), accounts.get(second.id()));
        assertEquals(Optional.of(third), accounts.get(third.id()));
    }

    @Test
    void a_later_version_kept_is_not_replaced_by_an_earlier_one() {
        KeptAccounts accounts = new KeptAccounts(100, new SimpleMeterRegistry());
        UUID id = UUID.randomUUID();
        CreditAccount later = account(id, 5);
        accounts.keep(later);

        CreditAccount kept = accounts.keep(account(id, 3));

        assertSame(later, kept);
        assertSame(later, accounts.get(id).orElseThrow());
    }

    @Test
    void an_account_longer_than_the_whole_bound_is_not_kept() {
        KeptAccounts accounts = new KeptAccounts(10, new SimpleMeterRegistry());
        CreditAccount longAccount = account(UUID.randomUUID(), 11);

        accounts.keep(longAccount);

        assertEquals(Optional.empty(), accounts.get(longAccount.id()));
        assertEquals(0, accounts.size());
    }

    @Test
    void an_account_longer_than_the_whole_bound_leaves_the_others_kept() {
        KeptAccounts accounts = new KeptAccounts(10, new SimpleMeterRegistry());
        CreditAccount first = account(UUID.randomUUID(), 4);
        CreditAccount second = account(UUID.randomUUID(), 4);
        accounts.keep(first);
        accounts.keep(second);

        accounts.keep(account(UUID.randomUUID(), 11));

        assertEquals(Optional.of(first), accounts.get(first.id()));
        assertEquals(Optional.of(second), accounts.get(second.id()));
        assertEquals(2, accounts.size());
    }

    @Test
    void a_forgotten_account_can_be_kept_again_at_an_earlier_version() {
        KeptAccounts accounts = new KeptAccounts(100, new SimpleMeterRegistry());
        UUID id = UUID.randomUUID();
        accounts.keep(account(id, 5));

        accounts.forget(id);
        CreditAccount earlier = account(id, 3);

        assertSame(earlier, accounts.keep(earlier));
        assertSame(earlier, accounts.get(id).orElseThrow());
    }

    private static CreditAccount account(UUID id, int events) {
        List<AccountEvent> history = new ArrayList<>(List.of(new AccountOpened("C-1", "Marie Tremblay",
                "marie@example.com", true, "fr-CA", "CAD")));
        while (history.size() < events) {
            history.add(new CreditLimitSet(new BigDecimal(history.size() + "00.00"), null));
        }
        return CreditAccount.replay(id, history);
    }
}
