package dev.ardoise.account.api;

import dev.ardoise.account.AcceptedEvents;
import dev.ardoise.account.Hostile;
import dev.ardoise.account.domain.AccountStatus;
import dev.ardoise.account.domain.ChargeDeclinedException;
import dev.ardoise.account.domain.ChargeSale;
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
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.WithNull;
import net.jqwik.api.statistics.Statistics;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every command endpoint's body, generated near and past each bound, through the same path as over HTTP but without
 * it: the request record's checks ({@code toCommand}), then the account's decision. 2,000 generated charges and 200 to 600 tries of each
 * other endpoint, 8,000 in all, in a few seconds; {@code GeneratedRequestsTest} sends a few hundred of the same over HTTP.
 *
 * <p>Each try ends in one of two ways: accepted, every value of every event within the bounds the readers store
 * (AcceptedEvents), or refused as the API answers a 4xx (invalid, declined, conflict, refused), an invalid field
 * named with its JSON path. Anything else (a NullPointerException, an ArithmeticException, an OutOfMemoryError)
 * fails the property: over HTTP it would be a 500.
 */
class CommandPropertiesTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 29);
    private static final Instant NOW = Instant.parse("2026-11-29T15:00:00Z");
    private static final Moment MOMENT = new Moment(NOW, TODAY);
    private static final Duration DEFAULT_EXPIRY = Duration.ofMinutes(15);
    private static final Pattern LINE_FIELD = Pattern.compile("lines(\\[\\d{1,3}](\\.(description|quantity|unitPrice|tax))?)?");

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

    /**
     * Accepted within bounds, or refused as a 4xx naming a field from {@code fields}. Each outcome is counted: a
     * property whose tries were nearly all refused on their first field would prove little, so each one requires
     * a share of acceptances and of refusals.
     */
    private static void decidedOrRefused(Pattern fields, Supplier<Decision> command) {
        Statistics.collect(outcome(fields, command));
        Statistics.coverage(coverage -> {
            coverage.check("accepted").percentage(p -> p >= 2);
            coverage.check("invalid").percentage(p -> p >= 2);
        });
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

    @Provide
    Arbitrary<String> keys() {
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, Hostile.texts(InputRules.MAX_KEY_LENGTH)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("h1", "o1", "inv-1", "s0", "d0")));
    }

    /** An id naming something of the account (its hold, override, invoice) or a hostile one. */
    @Provide
    Arbitrary<String> references() {
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(2, Arbitraries.of("h1", "o1", "inv-1", " inv-1 ")),
                net.jqwik.api.Tuple.of(1, Hostile.texts(InputRules.MAX_KEY_LENGTH)));
    }

    @Provide
    Arbitrary<String> texts() {
        return Hostile.texts(InputRules.MAX_TEXT_LENGTH);
    }

    @Provide
    Arbitrary<BigDecimal> amounts() {
        return Hostile.amounts();
    }

    @Provide
    Arbitrary<LocalDate> dates() {
        return Hostile.dates(TODAY);
    }

    @Provide
    Arbitrary<Long> seconds() {
        return Hostile.seconds();
    }

    @Provide
    Arbitrary<List<ChargeRequest.Line>> lines() {
        Arbitrary<ChargeRequest.Line> line = Combinators.combine(Hostile.texts(InputRules.MAX_TEXT_LENGTH),
                Hostile.quantities(), Hostile.amounts(), Hostile.amounts()).as(ChargeRequest.Line::new);
        Arbitrary<List<ChargeRequest.Line>> few = line.list().ofMaxSize(4);
        Arbitrary<List<ChargeRequest.Line>> many = Arbitraries.of(499, 500, 501).map(n -> java.util.Collections.nCopies(n,
                new ChargeRequest.Line("Vis", BigDecimal.ONE, new BigDecimal("0.01"), null)));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(8, few), net.jqwik.api.Tuple.of(1, many),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(null)));
    }

    /** A sale that would be charged, with one of its fields (or none) replaced by a hostile value. */
    @Provide
    Arbitrary<ChargeRequest> chargeRequests() {
        Arbitrary<ChargeRequest.Line> goodLine = Combinators.combine(Arbitraries.strings().alpha().ofMinLength(1)
                        .ofMaxLength(20), Arbitraries.integers().between(1, 20), Arbitraries.bigDecimals()
                        .between(new BigDecimal("0.01"), new BigDecimal("20.00")).ofScale(2))
                .as((description, quantity, price) -> new ChargeRequest.Line(description, BigDecimal.valueOf(quantity),
                        price, null));
        Arbitrary<ChargeRequest> good = Combinators.combine(Arbitraries.strings().alpha().numeric().ofMinLength(1)
                        .ofMaxLength(20), goodLine.list().ofMaxSize(3), Arbitraries.of(PaymentTerms.class),
                        Arbitraries.integers().between(0, 3 * 365))
                .as((saleId, lines, terms, days) -> new ChargeRequest(saleId, lines.isEmpty() ? new BigDecimal("12.34")
                        : lines.stream().map(line -> line.quantity().multiply(line.unitPrice()))
                        .reduce(BigDecimal.ZERO, BigDecimal::add), lines, terms,
                        terms == PaymentTerms.CUSTOM ? TODAY.plusDays(days) : null, null, null, null));
        return Combinators.combine(good, Arbitraries.integers().between(0, 9), keys(), Hostile.amounts(),
                        Hostile.quantities(), Hostile.texts(InputRules.MAX_TEXT_LENGTH), Hostile.dates(TODAY),
                        Arbitraries.of(499, 500, 501))
                .as(CommandPropertiesTest::spoiled);
    }

    private static ChargeRequest spoiled(ChargeRequest sale, int field, String key, BigDecimal amount,
                                         BigDecimal quantity, String text, LocalDate date, int lineCount) {
        List<ChargeRequest.Line> lines = sale.lines();
        ChargeRequest.Line first = lines.isEmpty() ? new ChargeRequest.Line("Vis", BigDecimal.ONE, sale.amount(), null)
                : lines.get(0);
        List<ChargeRequest.Line> others = lines.isEmpty() ? List.of() : lines.subList(1, lines.size());
        return switch (field) {
            case 1 -> new ChargeRequest(key, sale.amount(), lines, sale.terms(), sale.dueDate(), null, null, null);
            case 2 -> new ChargeRequest(sale.saleId(), amount, lines, sale.terms(), sale.dueDate(), null, null, null);
            case 3 -> new ChargeRequest(sale.saleId(), sale.amount(), withFirst(new ChargeRequest.Line(first.description(),
                    quantity, first.unitPrice(), first.tax()), others), sale.terms(), sale.dueDate(), null, null, null);
            case 4 -> new ChargeRequest(sale.saleId(), sale.amount(), withFirst(new ChargeRequest.Line(text,
                    first.quantity(), first.unitPrice(), amount), others), sale.terms(), sale.dueDate(), null, null, null);
            case 5 -> new ChargeRequest(sale.saleId(), sale.amount(), lines, PaymentTerms.CUSTOM, date, null, null, null);
            case 6 -> new ChargeRequest(sale.saleId(), new BigDecimal("0.01").multiply(BigDecimal.valueOf(lineCount)),
                    java.util.Collections.nCopies(lineCount, new ChargeRequest.Line("Vis", BigDecimal.ONE,
                            new BigDecimal("0.01"), null)), null, null, null, null, null);
            case 7 -> new ChargeRequest(sale.saleId(), sale.amount(), lines, sale.terms(), sale.dueDate(), key, null, null);
            case 8 -> new ChargeRequest(sale.saleId(), sale.amount(), lines, sale.terms(), sale.dueDate(), null, key, null);
            case 9 -> new ChargeRequest(sale.saleId(), sale.amount(), lines, sale.terms(), sale.dueDate(), null, null,
                    amount);
            default -> sale;
        };
    }

    private static List<ChargeRequest.Line> withFirst(ChargeRequest.Line first, List<ChargeRequest.Line> others) {
        List<ChargeRequest.Line> lines = new java.util.ArrayList<>();
        lines.add(first);
        lines.addAll(others);
        return lines;
    }

    @Property(tries = 2000)
    void charges(@ForAll("chargeRequests") ChargeRequest request) {
        decidedOrRefused(fields("saleId", "amount", LINE_FIELD.pattern(), "dueDate", "holdId", "overrideId",
                "depositToApply"), () -> account().selling().charge(request.toCommand("R1").withDefaultTerms(PaymentTerms.NET_30),
                new InvoiceIdentity("inv-2", "MAIN-000002", "MAIN"), MOMENT, OverdueRule.OFF));
    }

    @Property(tries = 600)
    void holds(@ForAll("keys") String holdId, @ForAll("amounts") BigDecimal amount, @ForAll("seconds") Long expiresIn) {
        var request = new Requests.HoldRequest(holdId, amount, expiresIn);
        decidedOrRefused(fields("holdId", "amount", "expiresInSeconds"), () -> {
            Duration life = Fields.seconds(request.expiresInSeconds(), "expiresInSeconds", DEFAULT_EXPIRY);
            return account().selling().placeHold(new Commands.PlaceHold(request.key(), request.requiredAmount(),
                    NOW.plus(life), "MAIN", "R1"), MOMENT, OverdueRule.OFF);
        });
    }

    @Property(tries = 300)
    void hold_voids(@ForAll("references") String holdId, @ForAll("texts") String reason) {
        decidedOrRefused(fields("holdId", "reason"),
                () -> account().selling().voidHold(new Requests.VoidHoldRequest(reason).toCommand(holdId), NOW));
    }

    @Property(tries = 600)
    void overrides(@ForAll("keys") String overrideId, @ForAll("amounts") BigDecimal amount,
                   @ForAll("texts") String reasonCode, @ForAll("texts") String note, @ForAll("seconds") Long expiresIn) {
        var request = new Requests.OverrideRequest(overrideId, amount, reasonCode, note, expiresIn);
        decidedOrRefused(fields("overrideId", "amount", "reasonCode", "note", "expiresInSeconds"), () -> {
            request.check();
            Duration life = Fields.seconds(request.expiresInSeconds(), "expiresInSeconds", DEFAULT_EXPIRY);
            return account().selling().grantOverride(new Commands.GrantOverride(request.overrideId().strip(),
                    request.amount(), request.reasonCode().strip(), Fields.optionalText(request.note(), "note"),
                    NOW.plus(life)), NOW);
        });
    }

    @Property(tries = 600)
    void deposits(@ForAll("keys") String depositId, @ForAll("amounts") BigDecimal amount,
                  @ForAll DepositPurpose purpose, @ForAll("texts") String reference) {
        decidedOrRefused(fields("depositId", "amount", "reference"), () -> account().settling()
                .addDeposit(new DepositRequest(depositId, amount, purpose, reference).toCommand()));
    }

    @Property(tries = 600)
    void deposit_applications(@ForAll("keys") String applicationId, @ForAll("amounts") BigDecimal amount,
                              @ForAll("references") String invoiceId) {
        decidedOrRefused(fields("applicationId", "amount", "invoiceId"), () -> account().settling().applyDeposit(
                new Requests.DepositApplicationRequest(applicationId, amount, invoiceId).toCommand()));
    }

    @Property(tries = 600)
    void deposit_returns(@ForAll("keys") String returnId, @ForAll("amounts") BigDecimal amount,
                         @ForAll("methods") String method, @ForAll("texts") String reason) {
        decidedOrRefused(fields("returnId", "amount", "method", "reason"), () -> account().settling().returnDeposit(
                new Requests.DepositReturnRequest(returnId, amount, method, reason).toCommand()));
    }

    @Provide
    Arbitrary<String> methods() {
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(2, Arbitraries.of("CASH", "card", " CHEQUE ", "ONLINE")),
                net.jqwik.api.Tuple.of(1, Hostile.texts(20)));
    }

    @Property(tries = 600)
    void payments(@ForAll("keys") String paymentId, @ForAll("amounts") BigDecimal amount,
                  @ForAll("methods") String method, @ForAll("texts") String reference, @ForAll("references") String invoiceId) {
        decidedOrRefused(fields("paymentId", "amount", "method", "reference", "invoiceId"), () -> account().settling()
                .receivePayment(new Requests.PaymentRequest(paymentId, amount, method, reference, invoiceId)
                        .toCommand()));
    }

    @Property(tries = 600)
    void refunds(@ForAll("keys") String refundId, @ForAll("references") String invoiceId, @ForAll("amounts") BigDecimal amount,
                 @ForAll("texts") String reasonCode) {
        decidedOrRefused(fields("refundId", "invoiceId", "amount", "reasonCode"), () -> account().settling()
                .refund(new Requests.RefundRequest(refundId, invoiceId, amount, reasonCode).toCommand()));
    }

    @Property(tries = 600)
    void adjustments(@ForAll("keys") String adjustmentId, @ForAll AdjustmentDirection direction,
                     @ForAll("amounts") BigDecimal amount, @ForAll("texts") String reasonCode,
                     @ForAll("texts") String note, @ForAll("references") String invoiceId) {
        decidedOrRefused(fields("adjustmentId", "direction", "amount", "reasonCode", "note", "invoiceId"),
                () -> account().settling().adjust(new Requests.AdjustmentRequest(adjustmentId, direction, amount,
                        reasonCode, note, invoiceId).toCommand()));
    }

    @Property(tries = 300)
    void write_offs(@ForAll("keys") String writeOffId, @ForAll("references") String invoiceId,
                    @ForAll("texts") String reasonCode, @ForAll("texts") String note) {
        decidedOrRefused(fields("writeOffId", "invoiceId", "reasonCode", "note"), () -> account().settling()
                .writeOff(new Requests.WriteOffRequest(writeOffId, invoiceId, reasonCode, note).toCommand()));
    }

    @Property(tries = 600)
    void openings(@ForAll("keys") String customerId, @ForAll("texts") String name, @ForAll("emails") String email,
                  @ForAll("languages") String language, @ForAll("currencies") String currency,
                  @ForAll("amounts") BigDecimal creditLimit) {
        var request = new OpenAccountRequest(customerId, name, email, true, language, currency, creditLimit, null);
        decidedOrRefused(fields("customerId", "name", "email", "language", "currency", "creditLimit"),
                () -> Decision.of(Keeping.open(request.toCommand("MAIN"))));
    }

    @Provide
    Arbitrary<String> emails() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(240, 260).map(n -> "a".repeat(n - 6) + "@b.com")),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("marie@example.com", "no-at-sign", "a@b", "a@" + "b".repeat(60_000))),
                net.jqwik.api.Tuple.of(1, Hostile.texts(InputRules.MAX_EMAIL_LENGTH)));
    }

    @Provide
    Arbitrary<String> languages() {
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(2, Arbitraries.of("fr-CA", "en", "zh-Hant-TW", "x-klingon",
                        "en-" + "abcdefgh-".repeat(4) + "a", "123")),
                net.jqwik.api.Tuple.of(1, Hostile.texts(InputRules.MAX_LANGUAGE_LENGTH)));
    }

    @Provide
    Arbitrary<String> currencies() {
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, Arbitraries.of("CAD", "jpy", "BHD", "XAU", "XXX", "EURO")),
                net.jqwik.api.Tuple.of(1, Hostile.texts(3)));
    }

    @Property(tries = 600)
    void customer_details(@ForAll("texts") String name, @ForAll("emails") String email,
                          @ForAll("languages") String language) {
        decidedOrRefused(fields("name", "email", "language"), () -> account().keeping()
                .changeCustomerDetails(new Requests.CustomerRequest(name, email, language).toCommand()));
    }

    @Property(tries = 300)
    void credit_limits(@ForAll("amounts") BigDecimal limit) {
        decidedOrRefused(fields("creditLimit"), () -> account().keeping()
                .setCreditLimit(new Requests.CreditLimitRequest(limit).toLimit()));
    }

    @Property(tries = 200)
    void consents_and_statuses(@ForAll @WithNull(0.2) Boolean consent, @ForAll("texts") String reason, @ForAll AccountStatus to) {
        decidedOrRefused(fields("consent"), () -> account().keeping()
                .setEmailConsent(new Requests.EmailConsentRequest(consent).toCommand()));
        decidedOrRefused(fields("reason"), () -> account().keeping()
                .changeStatus(Requests.StatusRequest.toCommand(new Requests.StatusRequest(reason), to), NOW));
    }

    /** The property's own check: a value past a bound that slipped through would be caught. */
    @Property(tries = 1)
    void the_bounds_check_catches_an_event_past_a_bound() {
        SaleCharged tooFar = new SaleCharged("s", "i", "n", BigDecimal.ONE, List.of(), PaymentTerms.CUSTOM, TODAY,
                LocalDate.parse("+5874898-01-01"), "MAIN", "R1");
        try {
            AcceptedEvents.assertInBounds(tooFar, TODAY);
        } catch (AssertionError expected) {
            return;
        }
        fail("a due date in year 5874898 passed the bounds check");
    }
}
