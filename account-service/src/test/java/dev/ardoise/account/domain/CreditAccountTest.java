package dev.ardoise.account.domain;

import dev.ardoise.events.AccountEvent;
import dev.ardoise.events.AccountOpened;
import dev.ardoise.events.CreditLimitSet;
import dev.ardoise.events.DepositAdded;
import dev.ardoise.events.DepositPurpose;
import dev.ardoise.events.PaymentTerms;
import dev.ardoise.events.SaleCharged;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Given past events, when a command, then new events or a refusal. */
class CreditAccountTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 29);
    private static final AccountOpened OPENED =
            new AccountOpened("C-1", "Marie Tremblay", "marie@example.com", true, "fr-CA", "CAD");

    private final List<AccountEvent> history = new ArrayList<>(List.of(OPENED));

    private CreditAccount given(AccountEvent... events) {
        history.addAll(List.of(events));
        return CreditAccount.replay(UUID.randomUUID(), history);
    }

    private static CreditLimitSet limit(String amount) {
        return new CreditLimitSet(new BigDecimal(amount), null);
    }

    private static SaleCharged charged(String saleId, String amount) {
        return new SaleCharged(saleId, "inv-" + saleId, "MAIN-" + saleId, new BigDecimal(amount), List.of(),
                PaymentTerms.NET_30, TODAY, TODAY.plusDays(30), "MAIN", null);
    }

    private static DepositAdded deposit(String depositId, String amount) {
        return new DepositAdded(depositId, new BigDecimal(amount), DepositPurpose.LAYAWAY, null);
    }

    private static ChargeSale sale(String saleId, String amount) {
        return new ChargeSale(saleId, new BigDecimal(amount), List.of(), PaymentTerms.NET_30, null, "R1");
    }

    private static InvoiceIdentity invoice(String number) {
        return new InvoiceIdentity("inv-" + number, number, "MAIN");
    }

    @Test
    void the_merchants_worked_example() {
        CreditAccount account = given(limit("1000.00"), charged("s1", "400.00"), charged("s2", "300.00"),
                deposit("d1", "200.00"));

        assertEquals(new BigDecimal("-700.00"), account.balance());
        assertEquals(new BigDecimal("200.00"), account.depositBalance());
        assertEquals(new BigDecimal("300.00"), account.available());
        assertEquals(5, account.version());
    }

    @Nested
    class Opening {
        @Test
        void opens_with_the_first_limit_when_one_is_given() {
            List<AccountEvent> events = CreditAccount.open(new OpenAccount("C-1", "Marie", null, false, "fr-CA",
                    "cad", new BigDecimal("500")));

            assertEquals(List.of(new AccountOpened("C-1", "Marie", null, false, "fr-CA", "CAD"),
                    new CreditLimitSet(new BigDecimal("500.00"), null)), events);
        }

        @Test
        void refuses_a_currency_that_does_not_exist() {
            InvalidCommandException refusal = assertThrows(InvalidCommandException.class, () ->
                    CreditAccount.open(new OpenAccount("C-1", "Marie", null, false, "fr-CA", "XYZ1", null)));
            assertEquals("currency", refusal.field());
        }
    }

    @Nested
    class CreditLimit {
        @Test
        void records_the_new_limit_and_the_previous_one() {
            CreditAccount account = given(limit("1000.00"));

            assertEquals(List.of(new CreditLimitSet(new BigDecimal("1500.00"), new BigDecimal("1000.00"))),
                    account.setCreditLimit(new BigDecimal("1500")));
        }

        @Test
        void setting_the_same_limit_again_records_nothing() {
            assertEquals(List.of(), given(limit("1000.00")).setCreditLimit(new BigDecimal("1000.0")));
        }

        @Test
        void refuses_a_negative_limit_or_fractions_of_a_cent() {
            CreditAccount account = given();
            assertEquals("creditLimit", assertThrows(InvalidCommandException.class,
                    () -> account.setCreditLimit(new BigDecimal("-1.00"))).field());
            assertThrows(InvalidCommandException.class, () -> account.setCreditLimit(new BigDecimal("10.001")));
        }

        @Test
        void a_limit_below_what_is_owed_leaves_nothing_available() {
            CreditAccount account = given(limit("1000.00"), charged("s1", "800.00"), limit("500.00"));

            assertEquals(new BigDecimal("0.00"), account.available());
        }
    }

    @Nested
    class Charging {
        @Test
        void a_sale_within_the_available_credit_becomes_an_invoice_due_by_its_terms() {
            CreditAccount account = given(limit("1000.00"), charged("s1", "700.00"));

            SaleCharged sale = account.charge(sale("s2", "300.00"), invoice("MAIN-000002"), TODAY);

            assertEquals(new BigDecimal("300.00"), sale.amount());
            assertEquals("MAIN-000002", sale.invoiceNumber());
            assertEquals(TODAY, sale.issuedOn());
            assertEquals(LocalDate.of(2026, 12, 29), sale.dueDate());
        }

        @Test
        void a_sale_one_cent_over_the_available_credit_is_declined_with_the_available_amount() {
            CreditAccount account = given(limit("1000.00"), charged("s1", "400.00"), charged("s2", "300.00"),
                    deposit("d1", "200.00"));

            ChargeDeclinedException declined = assertThrows(ChargeDeclinedException.class,
                    () -> account.charge(sale("s3", "300.01"), invoice("MAIN-000003"), TODAY));

            assertEquals(DeclineReason.OVER_AVAILABLE, declined.reason());
            assertEquals(new BigDecimal("300.00"), declined.available());
        }

        @Test
        void an_account_without_a_limit_cannot_charge() {
            ChargeDeclinedException declined = assertThrows(ChargeDeclinedException.class,
                    () -> given().charge(sale("s1", "1.00"), invoice("MAIN-000001"), TODAY));

            assertEquals(DeclineReason.NO_CREDIT_LIMIT, declined.reason());
            assertEquals(new BigDecimal("0.00"), declined.available());
        }

        @Test
        void the_same_sale_again_answers_the_first_charge() {
            CreditAccount account = given(limit("1000.00"), charged("s1", "400.00"));

            assertEquals(charged("s1", "400.00"), account.previousCharge(sale("s1", "400.00")).orElseThrow());
            assertTrue(account.previousCharge(sale("s2", "400.00")).isEmpty());
        }

        @Test
        void the_same_sale_id_for_another_amount_is_a_conflict() {
            CreditAccount account = given(limit("1000.00"), charged("s1", "400.00"));

            assertThrows(IdempotencyConflictException.class, () -> account.previousCharge(sale("s1", "401.00")));
        }

        @Test
        void refuses_zero_and_fractions_of_a_cent() {
            CreditAccount account = given(limit("1000.00"));

            assertEquals("amount", assertThrows(InvalidCommandException.class,
                    () -> account.charge(sale("s1", "0.00"), invoice("n"), TODAY)).field());
            assertEquals("amount", assertThrows(InvalidCommandException.class,
                    () -> account.charge(sale("s1", "10.005"), invoice("n"), TODAY)).field());
        }

        @Test
        void lines_must_add_up_to_the_amount() {
            CreditAccount account = given(limit("1000.00"));
            ChargeSale twoPots = new ChargeSale("s1", new BigDecimal("50.00"),
                    List.of(new ChargeSale.SaleLine("Paint 4 L", new BigDecimal("2"), new BigDecimal("24.99"))),
                    PaymentTerms.NET_30, null, null);

            InvalidCommandException refusal = assertThrows(InvalidCommandException.class,
                    () -> account.charge(twoPots, invoice("n"), TODAY));

            assertEquals("lines", refusal.field());
            assertTrue(refusal.reason().contains("49.98"), refusal.reason());
        }

        @Test
        void custom_terms_need_a_due_date_not_in_the_past() {
            CreditAccount account = given(limit("1000.00"));
            ChargeSale custom = new ChargeSale("s1", BigDecimal.TEN, List.of(), PaymentTerms.CUSTOM,
                    TODAY.plusDays(45), null);

            assertEquals(TODAY.plusDays(45), account.charge(custom, invoice("n"), TODAY).dueDate());
            assertEquals("dueDate", assertThrows(InvalidCommandException.class, () -> account.charge(
                    new ChargeSale("s2", BigDecimal.TEN, List.of(), PaymentTerms.CUSTOM, null, null),
                    invoice("n"), TODAY)).field());
            assertEquals("dueDate", assertThrows(InvalidCommandException.class, () -> account.charge(
                    new ChargeSale("s3", BigDecimal.TEN, List.of(), PaymentTerms.CUSTOM, TODAY.minusDays(1), null),
                    invoice("n"), TODAY)).field());
        }

        @Test
        void deposits_do_not_raise_the_available_credit() {
            CreditAccount account = given(limit("100.00"), deposit("d1", "500.00"));

            assertThrows(ChargeDeclinedException.class,
                    () -> account.charge(sale("s1", "100.01"), invoice("n"), TODAY));
        }
    }

    @Nested
    class Deposits {
        @Test
        void a_deposit_adds_to_the_deposit_balance() {
            CreditAccount account = given(deposit("d1", "200.00"));

            DepositAdded second = account.addDeposit(new AddDeposit("d2", new BigDecimal("50"),
                    DepositPurpose.SPECIAL_ORDER, "order 42"));

            assertEquals(new DepositAdded("d2", new BigDecimal("50.00"), DepositPurpose.SPECIAL_ORDER, "order 42"),
                    second);
        }

        @Test
        void the_same_deposit_again_is_recognised_and_another_amount_is_a_conflict() {
            CreditAccount account = given(deposit("d1", "200.00"));
            AddDeposit same = new AddDeposit("d1", new BigDecimal("200.00"), DepositPurpose.LAYAWAY, null);
            AddDeposit other = new AddDeposit("d1", new BigDecimal("20.00"), DepositPurpose.LAYAWAY, null);

            assertTrue(account.previousDeposit(same).isPresent());
            assertThrows(IdempotencyConflictException.class, () -> account.previousDeposit(other));
        }

        @Test
        void refuses_a_negative_deposit() {
            assertThrows(InvalidCommandException.class, () -> given().addDeposit(
                    new AddDeposit("d1", new BigDecimal("-5.00"), DepositPurpose.OTHER, null)));
        }
    }
}
