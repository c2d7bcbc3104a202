package dev.ardoise.account.domain;

import dev.ardoise.account.domain.Commands.AdjustBalance;
import dev.ardoise.account.domain.Commands.ApplyDeposit;
import dev.ardoise.account.domain.Commands.ReceivePayment;
import dev.ardoise.account.domain.Commands.RefundSale;
import dev.ardoise.account.domain.Commands.ReturnDeposit;
import dev.ardoise.account.domain.Commands.WriteOffDebt;
import dev.ardoise.events.AccountEvent;
import dev.ardoise.events.AdjustmentDirection;
import dev.ardoise.events.Allocation;
import dev.ardoise.events.BalanceAdjusted;
import dev.ardoise.events.CreditNoteIssued;
import dev.ardoise.events.CreditNoteOrigin;
import dev.ardoise.events.DebtWrittenOff;
import dev.ardoise.events.DepositAdded;
import dev.ardoise.events.DepositApplied;
import dev.ardoise.events.DepositReturned;
import dev.ardoise.events.PaymentReceived;
import dev.ardoise.events.SaleRefunded;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import static dev.ardoise.account.domain.Selling.same;
import static dev.ardoise.account.domain.Selling.sameAmount;

/** Money coming in and going back: deposits, payments, refunds, adjustments and write-offs. */
public final class Settling {
    private final CreditAccount account;

    Settling(CreditAccount account) {
        this.account = account;
    }

    public Decision addDeposit(AddDeposit command) {
        return account.previous("deposit", "depositId", command.depositId(), DepositAdded.class,
                        first -> sameAmount(first.amount(), command.amount()))
                .orElseGet(() -> {
                    account.requireNotClosed();
                    BigDecimal amount = positive(command.amount());
                    return Decision.of(new DepositAdded(command.depositId(), amount, command.purpose(),
                            command.reference()));
                });
    }

    /** Pays the named invoice, or the oldest outstanding ones, from the deposit balance. */
    public Decision applyDeposit(ApplyDeposit command) {
        return decide("application", "applicationId", command.applicationId(), DepositApplied.class,
                first -> sameAmount(first.amount(), command.amount()), () -> {
                    BigDecimal amount = positive(command.amount());
                    requireDepositBalance(amount);
                    List<Allocation> allocations = allocateAll(amount, command.invoiceId());
                    return List.of(new DepositApplied(command.applicationId(), amount, allocations));
                });
    }

    public Decision returnDeposit(ReturnDeposit command) {
        return decide("return", "returnId", command.returnId(), DepositReturned.class,
                first -> sameAmount(first.amount(), command.amount()) && same(first.method(), command.method()),
                () -> {
                    BigDecimal amount = positive(command.amount());
                    requireDepositBalance(amount);
                    return List.of(new DepositReturned(command.returnId(), amount, command.method(),
                            command.reason()));
                });
    }

    /** Allocates the payment; what no invoice needed becomes a credit note (deposit balance). */
    public Decision receivePayment(ReceivePayment command) {
        return decide("payment", "paymentId", command.paymentId(), PaymentReceived.class,
                first -> sameAmount(first.amount(), command.amount()) && same(first.method(), command.method()),
                () -> {
                    BigDecimal amount = positive(command.amount());
                    List<Allocation> allocations = account.invoices().allocate(amount, command.invoiceId());
                    BigDecimal over = amount.subtract(Invoices.sum(allocations, account.zero()));
                    List<AccountEvent> events = new ArrayList<>(List.of(new PaymentReceived(command.paymentId(),
                            amount, command.method(), command.reference(), allocations)));
                    if (over.signum() > 0) {
                        events.add(new CreditNoteIssued(command.paymentId(), over, CreditNoteOrigin.OVERPAYMENT,
                                command.paymentId(), null));
                    }
                    return events;
                });
    }

    /** Lowers what is still owed on the invoice first; the part already paid becomes a credit note. */
    public Decision refund(RefundSale command) {
        return decide("refund", "refundId", command.refundId(), SaleRefunded.class,
                first -> sameAmount(first.amount(), command.amount()) && same(first.invoiceId(), command.invoiceId()),
                () -> {
                    BigDecimal amount = positive(command.amount());
                    Invoice invoice = notWrittenOff(account.invoices().named(command.invoiceId()));
                    if (amount.compareTo(invoice.refundable()) > 0) {
                        throw new CommandRefusedException("refund-over-invoice", "invoice "
                                + invoice.invoiceNumber() + " can be refunded up to " + invoice.refundable());
                    }
                    BigDecimal reducedOwed = amount.min(invoice.owed());
                    BigDecimal credit = amount.subtract(reducedOwed);
                    List<AccountEvent> events = new ArrayList<>(List.of(new SaleRefunded(command.refundId(),
                            invoice.invoiceId(), invoice.invoiceNumber(), amount, reducedOwed, command.reasonCode())));
                    if (credit.signum() > 0) {
                        events.add(new CreditNoteIssued(command.refundId(), credit, CreditNoteOrigin.REFUND,
                                command.refundId(), invoice.invoiceId()));
                    }
                    return events;
                });
    }

    /** A CREDIT is allocated like a payment, never more than is owed; a DEBIT raises one invoice. */
    public Decision adjust(AdjustBalance command) {
        return decide("adjustment", "adjustmentId", command.adjustmentId(), BalanceAdjusted.class,
                first -> sameAmount(first.amount(), command.amount()) && first.direction() == command.direction(),
                () -> {
                    BigDecimal amount = positive(command.amount());
                    List<Allocation> allocations = command.direction() == AdjustmentDirection.CREDIT
                            ? allocateAll(amount, command.invoiceId())
                            : List.of(debited(command.invoiceId(), amount));
                    return List.of(new BalanceAdjusted(command.adjustmentId(), command.direction(), amount,
                            command.reasonCode(), command.note(), allocations));
                });
    }

    public Decision writeOff(WriteOffDebt command) {
        return decide("write-off", "writeOffId", command.writeOffId(), DebtWrittenOff.class,
                first -> same(first.invoiceId(), command.invoiceId()), () -> {
                    Invoice invoice = notWrittenOff(account.invoices().named(command.invoiceId()));
                    if (!invoice.isOutstanding()) {
                        throw new CommandRefusedException("nothing-owed",
                                "nothing is owed on invoice " + invoice.invoiceNumber());
                    }
                    return List.of(new DebtWrittenOff(command.writeOffId(), invoice.invoiceId(),
                            invoice.invoiceNumber(), invoice.owed(), command.reasonCode(), command.note()));
                });
    }

    private <E extends AccountEvent> Decision decide(String kind, String field, String key, Class<E> type,
                                                    java.util.function.Predicate<E> same,
                                                    Supplier<List<AccountEvent>> decision) {
        Optional<Decision> previous = account.previous(kind, field, key, type, same);
        if (previous.isPresent()) {
            return previous.get();
        }
        account.requireNotClosed();
        return Decision.of(decision.get());
    }

    private List<Allocation> allocateAll(BigDecimal amount, String invoiceId) {
        List<Allocation> allocations = account.invoices().allocate(amount, invoiceId);
        BigDecimal owed = Invoices.sum(allocations, account.zero());
        if (owed.compareTo(amount) < 0) {
            throw new CommandRefusedException("more-than-owed",
                    amount + " is more than the " + owed + " owed" + (invoiceId == null ? "" : " on that invoice"));
        }
        return allocations;
    }

    private Allocation debited(String invoiceId, BigDecimal amount) {
        if (invoiceId == null) {
            throw new InvalidCommandException("invoiceId", "is required with DEBIT");
        }
        Invoice invoice = notWrittenOff(account.invoices().named(invoiceId));
        return new Allocation(invoice.invoiceId(), invoice.invoiceNumber(), amount);
    }

    private static Invoice notWrittenOff(Invoice invoice) {
        if (invoice.writtenOff()) {
            throw new CommandRefusedException("invoice-written-off",
                    "invoice " + invoice.invoiceNumber() + " was written off");
        }
        return invoice;
    }

    private void requireDepositBalance(BigDecimal amount) {
        if (amount.compareTo(account.depositBalance()) > 0) {
            throw new CommandRefusedException("insufficient-deposit-balance",
                    "the deposit balance is " + account.depositBalance() + ", less than " + amount);
        }
    }

    private BigDecimal positive(BigDecimal amount) {
        return Money.positive("amount", amount, account.currency());
    }
}
