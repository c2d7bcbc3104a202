package dev.ardoise.truth;

import dev.ardoise.account.domain.AccountStatus;
import dev.ardoise.account.domain.AddDeposit;
import dev.ardoise.account.domain.ChargeDeclinedException;
import dev.ardoise.account.domain.ChargeSale;
import dev.ardoise.account.domain.CommandRefusedException;
import dev.ardoise.account.domain.Commands;
import dev.ardoise.account.domain.CreditAccount;
import dev.ardoise.account.domain.Decision;
import dev.ardoise.account.domain.Hold;
import dev.ardoise.account.domain.IdempotencyConflictException;
import dev.ardoise.account.domain.InvalidCommandException;
import dev.ardoise.account.domain.Invoice;
import dev.ardoise.account.domain.InvoiceIdentity;
import dev.ardoise.account.domain.Keeping;
import dev.ardoise.account.domain.Moment;
import dev.ardoise.account.domain.OpenAccount;
import dev.ardoise.account.domain.OverdueRule;
import dev.ardoise.events.AccountEvent;
import dev.ardoise.events.AdjustmentDirection;
import dev.ardoise.events.CommandVersions;
import dev.ardoise.events.DepositPurpose;
import dev.ardoise.events.EventMetadata;
import dev.ardoise.events.PaymentTerms;
import dev.ardoise.events.RecordedEvent;
import dev.ardoise.events.SaleCharged;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Histories as account-service itself decides them: random commands (sales capturing holds, using overrides and
 * deposits at the till, payments to a named invoice or oldest first with overpayments, refunds, adjustments both
 * ways, write-offs, deposits applied and returned, holds voided and expired, limit changes, suspensions) put to
 * the account's own decisions, each refusal skipped, every decided event appended. So the other folds are held to
 * what account-service really records, edges included (a refund of a paid invoice, a debit on a paid one...).
 */
final class DecidedHistories {
    private static final ZoneId STORE = ZoneId.of("America/Toronto");

    private final Random random;
    private final int scale;
    private final UUID accountId;
    private final List<RecordedEvent> recorded = new ArrayList<>();
    private final List<String> invoiceIds = new ArrayList<>();
    private CreditAccount account;
    private Instant now = Instant.parse("2026-03-02T14:00:00Z");
    private int keys;

    private DecidedHistories(int seed, String currency) {
        this.random = new Random(seed);
        this.scale = Currency.getInstance(currency).getDefaultFractionDigits();
        this.accountId = UUID.nameUUIDFromBytes(("decided-" + seed).getBytes());
    }

    static List<RecordedEvent> history(int seed, String currency, int commands) {
        DecidedHistories history = new DecidedHistories(seed, currency);
        history.open(currency);
        for (int i = 0; i < commands; i++) {
            history.now = history.now.plus(Duration.ofMinutes(1 + history.random.nextInt(3 * 24 * 60)));
            history.decide(history::anyCommand);
        }
        return history.recorded;
    }

    private void open(String currency) {
        account = CreditAccount.replay(accountId, List.of());
        appendCommand(Keeping.open(new OpenAccount("C-" + accountId, "Customer", null, false, "fr-CA", currency,
                money(50_000, 400_000), "MAIN")));
    }

    private void decide(Supplier<Decision> command) {
        Decision decision;
        try {
            decision = command.get();
        } catch (InvalidCommandException | CommandRefusedException | ChargeDeclinedException
                 | IdempotencyConflictException refused) {
            return;
        }
        if (!decision.replayed()) {
            appendCommand(decision.events());
        }
    }

    private Decision anyCommand() {
        int roll = random.nextInt(100);
        if (roll < 25) {
            return charge();
        } else if (roll < 40) {
            return account.settling().receivePayment(new Commands.ReceivePayment(key("P"), money(100, 60_000), "CASH",
                    null, someInvoice()));
        } else if (roll < 48) {
            return account.settling().addDeposit(new AddDeposit(key("D"), money(100, 20_000), DepositPurpose.LAYAWAY,
                    null));
        } else if (roll < 53) {
            return account.settling().applyDeposit(new Commands.ApplyDeposit(key("A"), money(100, 20_000),
                    someInvoice()));
        } else if (roll < 56) {
            return account.settling().returnDeposit(new Commands.ReturnDeposit(key("DR"), money(100, 10_000), "CASH",
                    null));
        }
        return lessFrequent(roll);
    }

    private Decision lessFrequent(int roll) {
        if (roll < 62) {
            return account.settling().refund(new Commands.RefundSale(key("R"), someInvoice(), money(100, 30_000),
                    "RETURNED"));
        } else if (roll < 69) {
            AdjustmentDirection direction = random.nextBoolean() ? AdjustmentDirection.CREDIT
                    : AdjustmentDirection.DEBIT;
            return account.settling().adjust(new Commands.AdjustBalance(key("ADJ"), direction, money(100, 5_000),
                    "GOODWILL", null, direction == AdjustmentDirection.DEBIT ? someInvoice() : maybeInvoice()));
        } else if (roll < 72) {
            return account.settling().writeOff(new Commands.WriteOffDebt(key("W"), someInvoice(), "UNCOLLECTABLE",
                    null));
        } else if (roll < 80) {
            return account.selling().placeHold(new Commands.PlaceHold(key("H"), money(100, 30_000),
                    now.plus(Duration.ofHours(random.nextInt(48))), "MAIN", "R1"), moment(), OverdueRule.OFF);
        } else if (roll < 84) {
            return account.selling().voidHold(new Commands.VoidHold(someHold(), "paid by card"), now);
        } else if (roll < 89) {
            return account.selling().expireHold(someHold(), now);
        } else if (roll < 92) {
            return account.selling().grantOverride(new Commands.GrantOverride(key("OVR"), money(100, 50_000),
                    "TRUSTED_CUSTOMER", null, now.plus(Duration.ofDays(2))), now);
        } else if (roll < 97) {
            return account.keeping().setCreditLimit(random.nextInt(5) == 0 ? money(0, 5_000) : money(0, 500_000));
        }
        return account.keeping().changeStatus(new Commands.ChangeStatus(
                account.status() == AccountStatus.SUSPENDED ? AccountStatus.OPEN : AccountStatus.SUSPENDED, null), now);
    }

    private Decision charge() {
        List<Hold> open = account.holds().open();
        String holdId = !open.isEmpty() && random.nextInt(3) == 0 ? open.get(0).holdId() : null;
        String overrideId = random.nextInt(6) == 0 ? "OVR-" + random.nextInt(keys + 1) : null;
        BigDecimal fromDeposit = random.nextInt(4) == 0 ? account.depositBalance().min(money(100, 20_000)) : null;
        String saleId = random.nextInt(10) == 0 && keys > 0 ? "S-" + random.nextInt(keys) : key("S");
        ChargeSale sale = new ChargeSale(saleId, money(100, 40_000), List.of(), PaymentTerms.NET_30, null, "MAIN", "R1",
                holdId, overrideId, fromDeposit == null || fromDeposit.signum() == 0 ? null : fromDeposit);
        return account.selling().previousCharge(sale).orElseGet(() -> account.selling().charge(sale,
                new InvoiceIdentity(UUID.nameUUIDFromBytes((accountId + ":invoice:" + keys).getBytes()).toString(),
                        "MAIN-" + (++keys), "MAIN"), moment(),
                OverdueRule.OFF));
    }

    private String someInvoice() {
        List<Invoice> outstanding = account.invoices().outstanding();
        if (!outstanding.isEmpty() && random.nextInt(4) > 0) {
            return outstanding.get(random.nextInt(outstanding.size())).invoiceId();
        }
        return invoiceIds.isEmpty() ? "no-such-invoice" : invoiceIds.get(random.nextInt(invoiceIds.size()));
    }

    private String maybeInvoice() {
        return random.nextBoolean() ? null : someInvoice();
    }

    private String someHold() {
        List<Hold> open = account.holds().open();
        return open.isEmpty() ? "no-such-hold" : open.get(random.nextInt(open.size())).holdId();
    }

    private Moment moment() {
        return new Moment(now, now.atZone(STORE).toLocalDate());
    }

    private String key(String prefix) {
        return prefix + "-" + (++keys);
    }

    /** A random amount from least to most units of the currency's smallest coin (yen: a tenth of them). */
    private BigDecimal money(int least, int most) {
        long units = least + random.nextInt(most - least + 1);
        return BigDecimal.valueOf(scale == 0 ? units / 10 : units, scale);
    }

    /** The events of one command, carrying its versions in their metadata as account-service records them. */
    private void appendCommand(List<AccountEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        long first = recorded.size() + 1L;
        CommandVersions command = new CommandVersions(first, first + events.size() - 1);
        events.forEach(event -> append(event, command));
    }

    private void append(AccountEvent event, CommandVersions command) {
        account.apply(event);
        if (event instanceof SaleCharged sale) {
            invoiceIds.add(sale.invoiceId());
        }
        recorded.add(new RecordedEvent(UUID.nameUUIDFromBytes((accountId + ":" + recorded.size()).getBytes()),
                accountId, recorded.size() + 1L, now, EventMetadata.UNRECORDED.withCommand(command), event));
    }
}
