package dev.ardoise.account.pos;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ardoise.account.AcceptedEvents;
import dev.ardoise.account.Hostile;
import dev.ardoise.account.domain.ChargeDeclinedException;
import dev.ardoise.account.domain.ChargeSale;
import dev.ardoise.account.domain.CreditAccount;
import dev.ardoise.account.domain.InputRules;
import dev.ardoise.account.domain.InvalidCommandException;
import dev.ardoise.account.domain.InvoiceIdentity;
import dev.ardoise.account.domain.Moment;
import dev.ardoise.account.domain.OverdueRule;
import dev.ardoise.events.AccountOpened;
import dev.ardoise.events.CreditLimitSet;
import dev.ardoise.events.PaymentTerms;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The POS message, generated: 2,000 values (JSON near and past each bound, wrong types, missing and null members,
 * garbage) through the reader and then the account's decision, as {@code PosSalesConsumer} does. Each ends
 * unreadable (dead-lettered), REJECTED naming the field, DECLINED, or CHARGED with every event value in bounds; never
 * another exception. A sample goes through the real topic in {@code GeneratedRequestsTest}.
 */
class PosSalePropertiesTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 29);
    private static final Moment MOMENT = new Moment(Instant.parse("2026-11-29T15:00:00Z"), TODAY);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern FIELDS = Pattern.compile(
            "saleId|amount|terms|dueDate|holdId|correlationId|lines(\\[\\d{1,3}](\\.(description|quantity|unitPrice|tax))?)?");
    private final PosSaleReader reader = new PosSaleReader(MAPPER);

    /** A JSON value for a member: a string, a number, the wrong type, null. */
    private static Arbitrary<Object> member(Arbitrary<?> good) {
        return Arbitraries.frequencyOf(Tuple.of(8, good.map(Object.class::cast)),
                Tuple.of(1, Arbitraries.of(List.of(1, 2), Map.of("x", 1), true, 42, -1.5e300)),
                Tuple.of(1, Arbitraries.just(null)));
    }

    @Provide
    Arbitrary<String> messages() {
        Arbitrary<Map<String, Object>> line = Combinators.combine(member(Hostile.texts(InputRules.MAX_TEXT_LENGTH)),
                member(Hostile.quantities().map(q -> q == null ? null : q.toString())),
                member(Hostile.amounts().map(a -> a == null ? null : a.toString())))
                .as((description, quantity, price) -> {
                    Map<String, Object> map = new java.util.HashMap<>();
                    map.put("description", description);
                    map.put("quantity", quantity);
                    map.put("unitPrice", price);
                    return map;
                });
        Arbitrary<Object> lines = Arbitraries.frequencyOf(Tuple.of(3, line.list().ofMaxSize(3).map(Object.class::cast)),
                Tuple.of(1, Arbitraries.of(501).map(n -> (Object) java.util.Collections.nCopies(n,
                        Map.of("description", "Vis", "quantity", "1", "unitPrice", "0.01")))),
                Tuple.of(8, Arbitraries.just(null)));
        Arbitrary<String> json = Combinators.combine(member(Hostile.texts(InputRules.MAX_KEY_LENGTH)),
                member(Hostile.amounts().map(a -> a == null ? null : a.toString())), lines,
                member(Arbitraries.of("NET_30", "CUSTOM", "net_30", "FOREVER")),
                Arbitraries.frequencyOf(Tuple.of(1, member(Hostile.dates(TODAY).map(d -> d == null ? null : d.toString()))),
                        Tuple.of(3, Arbitraries.just(null))),
                Arbitraries.frequencyOf(Tuple.of(1, member(Hostile.texts(InputRules.MAX_KEY_LENGTH))),
                        Tuple.of(6, Arbitraries.just(null))))
                .as((saleId, amount, saleLines, terms, dueDate, holdId) -> {
                    Map<String, Object> map = new java.util.HashMap<>();
                    map.put("saleId", saleId);
                    map.put("amount", amount);
                    map.put("lines", saleLines);
                    map.put("terms", terms);
                    map.put("dueDate", dueDate);
                    map.put("holdId", holdId);
                    try {
                        return MAPPER.writeValueAsString(map);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
        Arbitrary<String> garbage = Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.strings().all().ofMaxLength(40)),
                Tuple.of(1, Arbitraries.of("", "null", "[]", "{", "{\"saleId\":", "\u0000\u0001", "{\"saleId\":{}}",
                        "[".repeat(5000), "{\"saleId\":\"s\",\"amount\":" + "9".repeat(2000) + "}")));
        return Arbitraries.frequencyOf(Tuple.of(9, json), Tuple.of(1, garbage));
    }

    @Property(tries = 2000)
    void every_message_is_charged_in_bounds_refused_naming_the_field_or_dead_lettered(
            @ForAll("messages") String message) {
        Statistics.collect(outcome(message));
        Statistics.coverage(coverage -> {
            coverage.check("charged").percentage(p -> p >= 2);
            coverage.check("rejected").percentage(p -> p >= 2);
            coverage.check("unreadable").percentage(p -> p >= 2);
        });
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
