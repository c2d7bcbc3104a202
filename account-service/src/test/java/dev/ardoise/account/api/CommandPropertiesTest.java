package dev.ardoise.account.api;

import dev.ardoise.account.AcceptedEvents;
import dev.ardoise.account.Hostile;
import dev.ardoise.account.Tries;
import dev.ardoise.account.domain.AccountStatus;
import dev.ardoise.account.domain.ChargeDeclinedException;
import dev.ardoise.account.domain.CommandRefusedException;
import dev.ardoise.account.domain.Commands;
import dev.ardoise.account.domain.CreditAccount;
import dev.ardoise.account.domain.Decision;
import dev.ardoise.account.domain.IdempotencyConflictException;
import dev.ardoise.account.domain.InputRules;
import dev.ardoise.account.domain.InvalidCommandException;
import dev.ardoise.account.domain.InvoiceIdentity;
import dev.ardoise.account.domain.Keeping;
import dev.ardoise.account.domain.Moment;
import dev.ardoise.account.domain.OverdueRule;
import dev.ardoise.events.AccountEvent;
import dev.ardoise.events.AccountOpened;
import dev.ardoise.events.AdjustmentDirection;
import dev.ardoise.events.ChargeOverrideGranted;
import dev.ardoise.events.CreditHoldPlaced;
import dev.ardoise.events.CreditLimitSet;
import dev.ardoise.events.DepositAdded;
import dev.ardoise.events.DepositPurpose;
import dev.ardoise.events.PaymentTerms;
import dev.ardoise.events.SaleCharged;
import dev.ardoise.http.InvalidRequestException;
import org.instancio.junit.InstancioExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every command endpoint's body, generated near and past each bound, through the same path as over HTTP but without
 * it: the request record's checks ({@code toCommand}), then the account's decision. 2,000 generated charges and 200
 * to 600 bodies of each of the 16 other command endpoints, 9,300 in all, in about four seconds; {@code
 * GeneratedRequestsTest} sends about a hundred of the same over HTTP.
 *
 * <p>Each try ends in one of two ways: accepted, every value of every event within the bounds the readers store
 * (AcceptedEvents), or refused as the API answers a 4xx (invalid, declined, conflict, refused), an invalid field
 * named with its JSON path. Anything else (a NullPointerException, an ArithmeticException, an OutOfMemoryError)
 * fails the test with the request that caused it: over HTTP it would be a 500. Each endpoint's tries must be at
 * least 2% accepted and 2% invalid, so that a property cannot pass by refusing everything. The values come from
 * Instancio under its extension: a failure prints the seed, {@code @Seed(n)} on the test draws the same requests.
 */
@ExtendWith(InstancioExtension.class)
class CommandPropertiesTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 29);
    private static final Instant NOW = Instant.parse("2026-11-29T15:00:00Z");
    private static final Moment MOMENT = new Moment(NOW, TODAY);
    private static final Duration DEFAULT_EXPIRY = Duration.ofMinutes(15);
    private static final Pattern LINE_FIELD = Pattern.compile("lines(\\[\\d{1,3}](\\.(description|quantity|unitPrice|tax))?)?");
    private static final String LONG_EMAIL = "a@" + "b".repeat(60_000);

    private Hostile hostile;

    @BeforeEach
    void drawnFromThisTestsSeed() {
        hostile = new Hostile();
    }

    /** An account with a limit, a deposit, a hold, an override and an invoice, so every command has something to act on. */
    private static CreditAccount account() {
        List<AccountEvent> history = List.of(
                new AccountOpened("C-1", "Marie Tremblay", "marie@example.com", true, "fr-CA", "CAD"),
                new CreditLimitSet(new BigDecimal("5000.00"), null),
                new SaleCharged("s0", "inv-1", "MAIN-000001", new BigDecimal("400.00"), List.of(), PaymentTerms.NET_30,
                        TODAY, TODAY.plusDays(30), "MAIN", "R1"),
                new DepositAdded("d0", new BigDecimal("300.00"), DepositPurpose.LAYAWAY, null),
                new CreditHoldPlaced("h1", new BigDecimal("100.00"), NOW.plusSeconds(600), "MAIN", "R1"),
                new ChargeOverrideGranted("o1", new BigDecimal("900.00"), "TRUSTED", null, NOW.plusSeconds(600)));
        return CreditAccount.replay(UUID.randomUUID(), history);
    }

    /** {@code tries} generated requests, each accepted within bounds or refused as a 4xx naming a field of {@code fields}. */
    private static <T> void decidedOrRefused(int tries, Supplier<T> requests, Pattern fields, Function<T, Decision> decide) {
        Tries.run(tries, requests, request -> outcome(fields, () -> decide.apply(request)))
                .eachAtLeast(0.02, "accepted", "invalid");
    }

    private static String outcome(Pattern fields, Supplier<Decision> command) {
        Decision decision;
        try {
            decision = command.get();
        } catch (InvalidCommandException e) {
            assertTrue(fields.matcher(e.field()).matches(), "field " + e.field() + " (" + e.reason() + ")");
            assertFalse(e.reason().isBlank());
            return "invalid";
        } catch (InvalidRequestException e) {
            String field = e.getMessage().substring(0, e.getMessage().indexOf(": "));
            assertTrue(fields.matcher(field).matches() || field.equals("body"), "field " + field);
            return "invalid";
        } catch (ChargeDeclinedException | IdempotencyConflictException | CommandRefusedException e) {
            return "refused";
        }
        decision.events().forEach(event -> AcceptedEvents.assertInBounds(event, TODAY));
        return "accepted";
    }

    private static Pattern fields(String... names) {
        return Pattern.compile(String.join("|", names));
    }

    /** A new id or idempotency key, or one the account already has. */
    private String key() {
        return hostile.pick(3, 1) == 0 ? hostile.text(InputRules.MAX_KEY_LENGTH)
                : hostile.oneOf("h1", "o1", "inv-1", "s0", "d0");
    }

    /** An id naming something of the account (its hold, override, invoice) or a hostile one. */
    private String reference() {
        return hostile.pick(2, 1) == 0 ? hostile.oneOf("h1", "o1", "inv-1", " inv-1 ")
                : hostile.text(InputRules.MAX_KEY_LENGTH);
    }

    private String text() {
        return hostile.text(InputRules.MAX_TEXT_LENGTH);
    }

    private String method() {
        return hostile.pick(2, 1) == 0 ? hostile.oneOf("CASH", "card", " CHEQUE ", "ONLINE") : hostile.text(20);
    }

    private String email() {
        return switch (hostile.pick(2, 1, 1)) {
            case 0 -> "a".repeat(hostile.between(240, 260) - 6) + "@b.com";
            case 1 -> hostile.oneOf("marie@example.com", "no-at-sign", "a@b", LONG_EMAIL);
            default -> hostile.text(InputRules.MAX_EMAIL_LENGTH);
        };
    }

    private String language() {
        return hostile.pick(2, 1) == 0 ? hostile.oneOf("fr-CA", "en", "zh-Hant-TW", "x-klingon",
                "en-" + "abcdefgh-".repeat(4) + "a", "123") : hostile.text(InputRules.MAX_LANGUAGE_LENGTH);
    }

    private String currency() {
        return hostile.pick(3, 1) == 0 ? hostile.oneOf("CAD", "jpy", "BHD", "XAU", "XXX", "EURO") : hostile.text(3);
    }

    /** A sale that would be charged, with one of its fields (or none) replaced by a hostile value. */
    static ChargeRequest chargeRequest(Hostile hostile) {
        List<ChargeRequest.Line> lines = new ArrayList<>();
        for (int i = hostile.between(0, 3); i > 0; i--) {
            lines.add(new ChargeRequest.Line(hostile.word(), BigDecimal.valueOf(hostile.between(1, 20)),
                    BigDecimal.valueOf(hostile.between(1, 2000), 2), null));
        }
        PaymentTerms terms = hostile.oneOf(PaymentTerms.values());
        ChargeRequest sale = new ChargeRequest(hostile.word(), lines.isEmpty() ? new BigDecimal("12.34")
                : lines.stream().map(line -> line.quantity().multiply(line.unitPrice())).reduce(BigDecimal.ZERO,
                BigDecimal::add), lines, terms, terms == PaymentTerms.CUSTOM ? TODAY.plusDays(hostile.between(0,
                3 * 365)) : null, null, null, null);
        return spoiled(sale, hostile.between(0, 9), hostile);
    }

    private static ChargeRequest spoiled(ChargeRequest sale, int field, Hostile hostile) {
        List<ChargeRequest.Line> lines = sale.lines();
        ChargeRequest.Line first = lines.isEmpty() ? new ChargeRequest.Line("Vis", BigDecimal.ONE, sale.amount(), null)
                : lines.get(0);
        List<ChargeRequest.Line> others = lines.isEmpty() ? List.of() : lines.subList(1, lines.size());
        String key = hostile.pick(3, 1) == 0 ? hostile.text(InputRules.MAX_KEY_LENGTH)
                : hostile.oneOf("h1", "o1", "inv-1", "s0", "d0");
        return switch (field) {
            case 1 -> new ChargeRequest(key, sale.amount(), lines, sale.terms(), sale.dueDate(), null, null, null);
            case 2 -> new ChargeRequest(sale.saleId(), hostile.amount(), lines, sale.terms(), sale.dueDate(), null,
                    null, null);
            case 3 -> new ChargeRequest(sale.saleId(), sale.amount(), withFirst(new ChargeRequest.Line(
                    first.description(), hostile.quantity(), first.unitPrice(), first.tax()), others), sale.terms(),
                    sale.dueDate(), null, null, null);
            case 4 -> new ChargeRequest(sale.saleId(), sale.amount(), withFirst(new ChargeRequest.Line(
                    hostile.text(InputRules.MAX_TEXT_LENGTH), first.quantity(), first.unitPrice(), hostile.amount()),
                    others), sale.terms(), sale.dueDate(), null, null, null);
            case 5 -> new ChargeRequest(sale.saleId(), sale.amount(), lines, PaymentTerms.CUSTOM,
                    hostile.date(TODAY), null, null, null);
            case 6 -> manyLines(sale.saleId(), hostile.oneOf(499, 500, 501));
            case 7 -> new ChargeRequest(sale.saleId(), sale.amount(), lines, sale.terms(), sale.dueDate(), key, null,
                    null);
            case 8 -> new ChargeRequest(sale.saleId(), sale.amount(), lines, sale.terms(), sale.dueDate(), null, key,
                    null);
            case 9 -> new ChargeRequest(sale.saleId(), sale.amount(), lines, sale.terms(), sale.dueDate(), null, null,
                    hostile.amount());
            default -> sale;
        };
    }

    /** A sale of {@code count} lines of one cent, at and past the bound of lines per sale. */
    private static ChargeRequest manyLines(String saleId, int count) {
        return new ChargeRequest(saleId, new BigDecimal("0.01").multiply(BigDecimal.valueOf(count)),
                Collections.nCopies(count, new ChargeRequest.Line("Vis", BigDecimal.ONE, new BigDecimal("0.01"), null)),
                null, null, null, null, null);
    }

    private static List<ChargeRequest.Line> withFirst(ChargeRequest.Line first, List<ChargeRequest.Line> others) {
        List<ChargeRequest.Line> lines = new ArrayList<>();
        lines.add(first);
        lines.addAll(others);
        return lines;
    }

    @Test
    void charges() {
        decidedOrRefused(2000, () -> chargeRequest(hostile), fields("saleId", "amount", LINE_FIELD.pattern(), "dueDate",
                "holdId", "overrideId", "depositToApply"), request -> account().selling().charge(
                request.toCommand("R1").withDefaultTerms(PaymentTerms.NET_30),
                new InvoiceIdentity("inv-2", "MAIN-000002", "MAIN"), MOMENT, OverdueRule.OFF));
    }

    @Test
    void holds() {
        decidedOrRefused(600, () -> new Requests.HoldRequest(key(), hostile.amount(), hostile.seconds()),
                fields("holdId", "amount", "expiresInSeconds"), request -> {
                    Duration life = Fields.seconds(request.expiresInSeconds(), "expiresInSeconds", DEFAULT_EXPIRY);
                    return account().selling().placeHold(new Commands.PlaceHold(request.key(), request.requiredAmount(),
                            NOW.plus(life), "MAIN", "R1"), MOMENT, OverdueRule.OFF);
                });
    }

    @Test
    void hold_voids() {
        record VoidHold(String holdId, String reason) {
        }
        decidedOrRefused(300, () -> new VoidHold(reference(), text()), fields("holdId", "reason"),
                request -> account().selling().voidHold(new Requests.VoidHoldRequest(request.reason())
                        .toCommand(request.holdId()), NOW));
    }

    @Test
    void overrides() {
        decidedOrRefused(600, () -> new Requests.OverrideRequest(key(), hostile.amount(), text(), text(),
                hostile.seconds()), fields("overrideId", "amount", "reasonCode", "note", "expiresInSeconds"), request -> {
                    request.check();
                    Duration life = Fields.seconds(request.expiresInSeconds(), "expiresInSeconds", DEFAULT_EXPIRY);
                    return account().selling().grantOverride(new Commands.GrantOverride(request.overrideId().strip(),
                            request.amount(), request.reasonCode().strip(), Fields.optionalText(request.note(), "note"),
                            NOW.plus(life)), NOW);
                });
    }

    @Test
    void deposits() {
        decidedOrRefused(600, () -> new DepositRequest(key(), hostile.amount(), hostile.oneOf(DepositPurpose.values()),
                text()), fields("depositId", "amount", "reference"),
                request -> account().settling().addDeposit(request.toCommand()));
    }

    @Test
    void deposit_applications() {
        decidedOrRefused(600, () -> new Requests.DepositApplicationRequest(key(), hostile.amount(), reference()),
                fields("applicationId", "amount", "invoiceId"),
                request -> account().settling().applyDeposit(request.toCommand()));
    }

    @Test
    void deposit_returns() {
        decidedOrRefused(600, () -> new Requests.DepositReturnRequest(key(), hostile.amount(), method(), text()),
                fields("returnId", "amount", "method", "reason"),
                request -> account().settling().returnDeposit(request.toCommand()));
    }

    @Test
    void payments() {
        decidedOrRefused(600, () -> new Requests.PaymentRequest(key(), hostile.amount(), method(), text(), reference()),
                fields("paymentId", "amount", "method", "reference", "invoiceId"),
                request -> account().settling().receivePayment(request.toCommand()));
    }

    @Test
    void refunds() {
        decidedOrRefused(600, () -> new Requests.RefundRequest(key(), reference(), hostile.amount(), text()),
                fields("refundId", "invoiceId", "amount", "reasonCode"),
                request -> account().settling().refund(request.toCommand()));
    }

    @Test
    void adjustments() {
        decidedOrRefused(600, () -> new Requests.AdjustmentRequest(key(), hostile.oneOf(AdjustmentDirection.values()),
                        hostile.amount(), text(), text(), reference()),
                fields("adjustmentId", "direction", "amount", "reasonCode", "note", "invoiceId"),
                request -> account().settling().adjust(request.toCommand()));
    }

    @Test
    void write_offs() {
        decidedOrRefused(300, () -> new Requests.WriteOffRequest(key(), reference(), text(), text()),
                fields("writeOffId", "invoiceId", "reasonCode", "note"),
                request -> account().settling().writeOff(request.toCommand()));
    }

    @Test
    void openings() {
        decidedOrRefused(600, this::opening, fields("customerId", "name", "email", "language", "currency", "creditLimit"),
                request -> Decision.of(Keeping.open(request.toCommand("MAIN"))));
    }

    /** An account a manager would open, with one of its fields (or none) replaced by a hostile value. */
    private OpenAccountRequest opening() {
        OpenAccountRequest good = new OpenAccountRequest(hostile.word(), hostile.word(), "marie@example.com", true,
                "fr-CA", "CAD", new BigDecimal("500.00"), null);
        return switch (hostile.between(0, 6)) {
            case 1 -> new OpenAccountRequest(key(), good.name(), good.email(), true, good.language(), good.currency(),
                    good.creditLimit(), null);
            case 2 -> new OpenAccountRequest(good.customerId(), text(), good.email(), true, good.language(),
                    good.currency(), good.creditLimit(), null);
            case 3 -> new OpenAccountRequest(good.customerId(), good.name(), email(), true, good.language(),
                    good.currency(), good.creditLimit(), null);
            case 4 -> new OpenAccountRequest(good.customerId(), good.name(), good.email(), true, language(),
                    good.currency(), good.creditLimit(), null);
            case 5 -> new OpenAccountRequest(good.customerId(), good.name(), good.email(), true, good.language(),
                    currency(), good.creditLimit(), null);
            case 6 -> new OpenAccountRequest(good.customerId(), good.name(), good.email(), true, good.language(),
                    good.currency(), hostile.amount(), null);
            default -> good;
        };
    }

    @Test
    void customer_details() {
        decidedOrRefused(600, () -> new Requests.CustomerRequest(text(), email(), language()),
                fields("name", "email", "language"),
                request -> account().keeping().changeCustomerDetails(request.toCommand()));
    }

    @Test
    void credit_limits() {
        decidedOrRefused(300, () -> new Requests.CreditLimitRequest(hostile.amount()), fields("creditLimit"),
                request -> account().keeping().setCreditLimit(request.toLimit()));
    }

    @Test
    void email_consents() {
        decidedOrRefused(200, () -> new Requests.EmailConsentRequest(hostile.oneOf(true, false, true, false, null)),
                fields("consent"), request -> account().keeping().setEmailConsent(request.toCommand()));
    }

    @Test
    void status_changes() {
        record Change(String reason, AccountStatus to) {
        }
        decidedOrRefused(200, () -> new Change(text(), hostile.oneOf(AccountStatus.values())), fields("reason"),
                change -> account().keeping().changeStatus(Requests.StatusRequest.toCommand(
                        new Requests.StatusRequest(change.reason()), change.to()), NOW));
    }

    /** The property's own check: a value past a bound that slipped through would be caught. */
    @Test
    void the_bounds_check_catches_an_event_past_a_bound() {
        SaleCharged tooFar = new SaleCharged("s", "i", "n", BigDecimal.ONE, List.of(), PaymentTerms.CUSTOM, TODAY,
                LocalDate.parse("+5874898-01-01"), "MAIN", "R1");
        assertThrows(AssertionError.class, () -> AcceptedEvents.assertInBounds(tooFar, TODAY));
    }

    /** And a property that refuses everything fails its coverage check. */
    @Test
    void a_property_that_refuses_everything_fails() {
        assertThrows(AssertionError.class, () -> decidedOrRefused(100, hostile::amount, fields("amount"), amount -> {
            throw new InvalidCommandException("amount", "is refused whatever it is");
        }));
    }
}
