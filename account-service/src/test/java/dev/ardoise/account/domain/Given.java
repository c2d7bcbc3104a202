package dev.ardoise.account.domain;

import dev.ardoise.events.AccountEvent;
import dev.ardoise.events.AccountOpened;
import dev.ardoise.events.CreditHoldPlaced;
import dev.ardoise.events.CreditLimitSet;
import dev.ardoise.events.DepositAdded;
import dev.ardoise.events.DepositPurpose;
import dev.ardoise.events.PaymentTerms;
import dev.ardoise.events.SaleCharged;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Past events for the given/when/then tests of the account. */
final class Given {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 29);
    static final Instant NOW = Instant.parse("2026-11-29T15:00:00Z");
    static final Moment MOMENT = new Moment(NOW, TODAY);
    static final AccountOpened OPENED =
            new AccountOpened("C-1", "Marie Tremblay", "marie@example.com", true, "fr-CA", "CAD");

    private Given() {
    }

    static CreditAccount account(AccountEvent... events) {
        List<AccountEvent> history = new ArrayList<>(List.of(OPENED));
        history.addAll(List.of(events));
        return CreditAccount.replay(UUID.randomUUID(), history);
    }

    static BigDecimal cad(String amount) {
        return new BigDecimal(amount);
    }

    static CreditLimitSet limit(String amount) {
        return new CreditLimitSet(cad(amount), null);
    }

    static SaleCharged charged(String saleId, String amount) {
        return charged(saleId, amount, TODAY);
    }

    static SaleCharged charged(String saleId, String amount, LocalDate issuedOn) {
        return new SaleCharged(saleId, "inv-" + saleId, "MAIN-" + saleId, cad(amount), List.of(),
                PaymentTerms.NET_30, issuedOn, issuedOn.plusDays(30), "MAIN", null);
    }

    static DepositAdded deposit(String depositId, String amount) {
        return new DepositAdded(depositId, cad(amount), DepositPurpose.LAYAWAY, null);
    }

    static CreditHoldPlaced hold(String holdId, String amount, Instant expiresAt) {
        return new CreditHoldPlaced(holdId, cad(amount), expiresAt, "MAIN", "R1");
    }

    static ChargeSale sale(String saleId, String amount) {
        return new ChargeSale(saleId, cad(amount), List.of(), PaymentTerms.NET_30, null, "R1");
    }

    static ChargeSale sale(String saleId, String amount, String holdId, String overrideId, String depositToApply) {
        return new ChargeSale(saleId, cad(amount), List.of(), PaymentTerms.NET_30, null, "MAIN", "R1", holdId,
                overrideId, depositToApply == null ? null : cad(depositToApply));
    }

    static InvoiceIdentity invoice(String number) {
        return new InvoiceIdentity("inv-" + number, number, "MAIN");
    }
}
