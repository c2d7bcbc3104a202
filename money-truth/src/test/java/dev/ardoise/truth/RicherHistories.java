package dev.ardoise.truth;

import dev.ardoise.events.AccountEvent;
import dev.ardoise.events.ChargeOverrideGranted;
import dev.ardoise.events.CreditLimitSet;
import dev.ardoise.events.EmailConsentGiven;
import dev.ardoise.events.RecordedEvent;
import dev.ardoise.testing.Histories;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * {@link Histories}' accounts, with what they leave out woven in: the limit changed now and then (down to zero, or
 * below what is owed, where nothing is available), overrides granted and consent given again. Versions are
 * numbered again so that the stream stays 1, 2, 3… without gaps.
 */
final class RicherHistories {
    private RicherHistories() {
    }

    static List<RecordedEvent> history(int seed, int events, String currency) {
        UUID accountId = UUID.nameUUIDFromBytes(("money-truth-" + seed).getBytes());
        List<RecordedEvent> plain = Histories.history(accountId, seed, events, currency);
        Random random = new Random(seed * 31L + 7);
        int scale = Currency.getInstance(currency).getDefaultFractionDigits();
        BigDecimal limit = plain.size() > 1 && plain.get(1).data() instanceof CreditLimitSet set ? set.creditLimit()
                : null;
        List<RecordedEvent> richer = new ArrayList<>();
        for (RecordedEvent event : plain) {
            richer.add(numbered(event, event.data(), richer.size() + 1));
            if (richer.size() < 2) {
                continue;
            }
            int roll = random.nextInt(100);
            if (roll < 7) {
                BigDecimal next = BigDecimal.valueOf(random.nextInt(6) * (long) random.nextInt(100_000), scale);
                richer.add(numbered(event, new CreditLimitSet(next, limit), richer.size() + 1));
                limit = next;
            } else if (roll < 9) {
                richer.add(numbered(event, new ChargeOverrideGranted("OVR-" + richer.size(),
                        BigDecimal.valueOf(random.nextInt(50_000), scale), "TRUSTED_CUSTOMER", null,
                        event.occurredAt().plusSeconds(3600)), richer.size() + 1));
            } else if (roll < 10) {
                richer.add(numbered(event, new EmailConsentGiven(null), richer.size() + 1));
            }
        }
        return richer;
    }

    private static RecordedEvent numbered(RecordedEvent near, AccountEvent data, long version) {
        UUID eventId = data == near.data() ? near.eventId()
                : UUID.nameUUIDFromBytes((near.accountId() + ":woven:" + version).getBytes());
        return new RecordedEvent(eventId, near.accountId(), version, near.occurredAt(), near.metadata(), data);
    }
}
