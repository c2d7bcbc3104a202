package dev.ardoise.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** One filled-in example of every event type, so that a new type cannot be added without a round-trip test. */
final class AccountEventSamples {
    static final EventMetadata METADATA =
            new EventMetadata(new Actor(Role.MANAGER, "mgr-anne", "R1", "MAIN"), "corr-42");

    private static final Instant EXPIRES = Instant.parse("2026-11-29T10:30:00Z");
    private static final Allocation ON_FIRST = new Allocation("inv-1", "MAIN-000001", amount("150.00"));

    private AccountEventSamples() {
    }

    static List<AccountEvent> oneOfEach() {
        List<AccountEvent> samples = List.of(
                new AccountOpened("cust-1", "Chantal Tremblay", "chantal@example.com", true, "fr-CA", "CAD"),
                new CustomerDetailsChanged("Chantal Tremblay", "c.tremblay@example.com", "en"),
                new EmailConsentGiven("chantal@example.com"),
                new EmailConsentWithdrawn("chantal@example.com"),
                new CreditLimitSet(amount("1000.00"), null),
                new ChargeOverrideGranted("ovr-1", amount("250.00"), "TRUSTED_CUSTOMER", "contractor", EXPIRES),
                new SaleCharged("sale-1", "inv-1", "MAIN-000001", amount("459.90"),
                        List.of(new InvoiceLine("Paint, 4 L", new BigDecimal("2"), amount("200.00"),
                                amount("400.00"), amount("59.90"))),
                        PaymentTerms.CUSTOM, LocalDate.of(2026, 11, 29), LocalDate.of(2027, 1, 15),
                        "MAIN", "R1", "hold-1", "ovr-1"),
                new CreditHoldPlaced("hold-1", amount("500.00"), EXPIRES, "MAIN", "R1"),
                new CreditHoldVoided("hold-2", amount("80.00"), "customer paid cash"),
                new CreditHoldExpired("hold-3", amount("20.00")),
                new DepositAdded("dep-1", amount("200.00"), DepositPurpose.SPECIAL_ORDER, "SO-1234"),
                new DepositApplied("sale-1", amount("150.00"), List.of(ON_FIRST)),
                new DepositReturned("ret-1", amount("50.00"), "CASH", "layaway cancelled"),
                new PaymentReceived("pay-1", amount("200.00"), "CHEQUE", "cheque 0042", List.of(ON_FIRST)),
                new CreditNoteIssued("pay-1", amount("50.00"), CreditNoteOrigin.OVERPAYMENT, "pay-1", null),
                new SaleRefunded("ref-1", "inv-1", "MAIN-000001", amount("100.00"), amount("60.00"), "RETURNED"),
                new BalanceAdjusted("adj-1", AdjustmentDirection.CREDIT, amount("150.00"), "PRICE_CORRECTION",
                        "wrong price on paint", List.of(ON_FIRST)),
                new DebtWrittenOff("wo-1", "inv-1", "MAIN-000001", amount("25.00"), "UNCOLLECTABLE", null),
                new AccountSuspended("cheque returned"),
                new AccountReactivated("cheque cleared"),
                new AccountClosed("customer moved away"));
        Set<Class<?>> covered = samples.stream().map(Object::getClass).collect(Collectors.toSet());
        Set<Class<?>> all = Set.of(AccountEvent.class.getPermittedSubclasses());
        if (!covered.equals(all)) {
            throw new AssertionError("samples miss some event types: " + all.stream()
                    .filter(type -> !covered.contains(type)).map(Class::getSimpleName).toList());
        }
        return samples;
    }

    private static BigDecimal amount(String value) {
        return new BigDecimal(value);
    }
}
