package dev.ardoise.account.pos;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ardoise.account.AcceptedEvents;
import dev.ardoise.account.Hostile;
import dev.ardoise.account.Tries;
import dev.ardoise.account.domain.ChargeDeclinedException;
import dev.ardoise.account.domain.ChargeSale;
import dev.ardoise.account.domain.CreditAccount;
import dev.ardoise.account.domain.InvalidCommandException;
import dev.ardoise.account.domain.InvoiceIdentity;
import dev.ardoise.account.domain.Moment;
import dev.ardoise.account.domain.OverdueRule;
import dev.ardoise.events.AccountOpened;
import dev.ardoise.events.CreditLimitSet;
import dev.ardoise.events.PaymentTerms;
import org.instancio.junit.InstancioExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The POS message, generated ({@link PosMessages}): 2,000 values through the reader and then the account's decision,
 * as {@code PosSalesConsumer} does, in about a second. Each ends unreadable (dead-lettered), REJECTED naming the
 * field, DECLINED, or CHARGED with every event value in bounds; never another exception. At least 2% of the tries
 * end charged, rejected and unreadable each. {@code GeneratedRequestsTest} sends 20 of them through the real topic.
 */
@ExtendWith(InstancioExtension.class)
class PosSalePropertiesTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 29);
    private static final Moment MOMENT = new Moment(Instant.parse("2026-11-29T15:00:00Z"), TODAY);
    private static final Pattern FIELDS = Pattern.compile(
            "saleId|amount|terms|dueDate|holdId|correlationId|lines(\\[\\d{1,3}](\\.(description|quantity|unitPrice|tax))?)?");
    private final PosSaleReader reader = new PosSaleReader(new ObjectMapper());

    @Test
    void every_message_is_charged_in_bounds_refused_naming_the_field_or_dead_lettered() {
        PosMessages messages = new PosMessages(new Hostile(), TODAY);
        Tries.run(2000, messages::next, this::outcome).eachAtLeast(0.02, "charged", "rejected", "unreadable");
    }

    private String outcome(String message) {
        PosSale sale;
        try {
            sale = reader.read("6d1f0c5e-2b1a-4f7e-9a51-0c3f2d1e9b77", message, Map.of());
        } catch (UnreadablePosSaleException e) {
            return "unreadable";
        } catch (InvalidPosSaleException e) {
            assertTrue(FIELDS.matcher(e.field()).matches(), "field " + e.field());
            return "rejected";
        }
        ChargeSale command = new ChargeSale(sale.saleId(), sale.amount(), sale.lines(), sale.terms(), sale.dueDate(),
                null, "R1", sale.holdId(), null, null).withDefaultTerms(PaymentTerms.NET_30);
        CreditAccount account = CreditAccount.replay(UUID.randomUUID(), List.of(
                new AccountOpened("C-1", "Marie", null, false, "fr-CA", "CAD"),
                new CreditLimitSet(new BigDecimal("100000.00"), null)));
        try {
            account.selling().charge(command, new InvoiceIdentity("inv-1", "MAIN-000001", "MAIN"), MOMENT,
                    OverdueRule.OFF).events().forEach(event -> AcceptedEvents.assertInBounds(event, TODAY));
            return "charged";
        } catch (InvalidCommandException e) {
            assertTrue(FIELDS.matcher(e.field()).matches(), "field " + e.field());
            return "rejected";
        } catch (ChargeDeclinedException e) {
            return "declined";
        }
    }
}
