package dev.ardoise.account.domain;

import dev.ardoise.account.domain.Commands.GrantOverride;
import dev.ardoise.account.domain.Commands.PlaceHold;
import dev.ardoise.account.domain.Commands.VoidHold;
import dev.ardoise.events.AccountEvent;
import dev.ardoise.events.Allocation;
import dev.ardoise.events.ChargeOverrideGranted;
import dev.ardoise.events.CreditHoldExpired;
import dev.ardoise.events.CreditHoldPlaced;
import dev.ardoise.events.CreditHoldVoided;
import dev.ardoise.events.DepositApplied;
import dev.ardoise.events.InvoiceLine;
import dev.ardoise.events.PaymentTerms;
import dev.ardoise.events.SaleCharged;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Selling on account: charges, credit holds and the manager's overrides. */
public final class Selling {
    private final CreditAccount account;

    Selling(CreditAccount account) {
        this.account = account;
    }

    /**
     * The first outcome of this sale, if it was charged before: a register retrying gets the first result.
     *
     * @throws IdempotencyConflictException when the sale id was used for another request
     */
    public Optional<Decision> previousCharge(ChargeSale command) {
        return account.previous("sale", "saleId", command.saleId(), SaleCharged.class,
                sale -> sameAmount(sale.amount(), command.amount())
                        && (command.holdId() == null || command.holdId().equals(sale.holdId()))
                        && (command.overrideId() == null || command.overrideId().equals(sale.overrideId())));
    }

    /**
     * Charges a new sale, which becomes an invoice; with {@code depositToApply}, part of it is paid at once from
     * the deposit balance (a DepositApplied follows the SaleCharged).
     *
     * @throws ChargeDeclinedException when the account cannot pay for it, with why and what is available
     * @throws InvalidCommandException when the amount, lines, terms, hold or override do not hold together
     */
    public Decision charge(ChargeSale command, InvoiceIdentity invoice, Moment moment, OverdueRule rule) {
        String currency = account.currency();
        requireKeys(command);
        BigDecimal amount = Money.positive("amount", command.amount(), currency);
        List<InvoiceLine> lines = invoiceLines(command.lines(), amount);
        LocalDate dueDate = dueDate(command.terms(), command.dueDate(), moment.today());
        requireChargeable();
        BigDecimal fromDeposit = depositToApply(command.depositToApply(), amount);
        BigDecimal onAccount = amount.subtract(fromDeposit);
        Hold hold = command.holdId() == null ? null : captured(command.holdId(), moment.now());
        BigDecimal reserved = hold != null && hold.holdsAt(moment.now()) ? hold.amount() : account.zero();
        BigDecimal available = account.availableAt(moment.now()).add(reserved);
        if (onAccount.signum() > 0) {
            requireLimit(available);
            if (command.overrideId() == null) {
                requireNothingTooOverdue(rule, moment, available);
                requireWithin(onAccount, available, "the sale");
            } else {
                requireUsableOverride(command.overrideId(), onAccount, moment.now(), available);
            }
        }
        SaleCharged sale = new SaleCharged(command.saleId(), invoice.invoiceId(), invoice.invoiceNumber(), amount,
                lines, command.terms(), moment.today(), dueDate, invoice.storeId(), command.registerId(),
                hold == null ? null : hold.holdId(), command.overrideId());
        List<AccountEvent> events = new ArrayList<>(List.of(sale));
        if (fromDeposit.signum() > 0) {
            events.add(new DepositApplied(command.saleId(), fromDeposit,
                    List.of(new Allocation(invoice.invoiceId(), invoice.invoiceNumber(), fromDeposit))));
        }
        return Decision.of(events);
    }

    /**
     * The charge decided on an {@link InvoiceIdentity#unnumbered} invoice, with the store's number it takes now
     * (in the sale and in the deposit applied to it). Taking the number last keeps the store's counter for the
     * shortest time, and a declined sale never takes one.
     */
    public static Decision numbered(Decision charge, String invoiceNumber) {
        List<AccountEvent> events = charge.events().stream().map(event -> {
            if (event instanceof SaleCharged sale) {
                return new SaleCharged(sale.saleId(), sale.invoiceId(), invoiceNumber, sale.amount(), sale.lines(),
                        sale.terms(), sale.issuedOn(), sale.dueDate(), sale.storeId(), sale.registerId(),
                        sale.holdId(), sale.overrideId());
            }
            if (event instanceof DepositApplied applied) {
                return (AccountEvent) new DepositApplied(applied.applicationId(), applied.amount(),
                        applied.allocations().stream().map(allocation -> new Allocation(allocation.invoiceId(),
                                invoiceNumber, allocation.amount())).toList());
            }
            return event;
        }).toList();
        return Decision.of(events);
    }

    public Decision placeHold(PlaceHold command, Moment moment, OverdueRule rule) {
        Optional<Decision> previous = account.previous("hold", "holdId", command.holdId(), CreditHoldPlaced.class,
                placed -> sameAmount(placed.amount(), command.amount()));
        if (previous.isPresent()) {
            return previous.get();
        }
        BigDecimal amount = Money.positive("amount", command.amount(), account.currency());
        if (!command.expiresAt().isAfter(moment.now())) {
            throw new InvalidCommandException("expiresInSeconds", "must be greater than zero");
        }
        requireChargeable();
        BigDecimal available = account.availableAt(moment.now());
        requireLimit(available);
        requireNothingTooOverdue(rule, moment, available);
        requireWithin(amount, available, "the hold");
        return Decision.of(new CreditHoldPlaced(command.holdId(), amount, command.expiresAt(), command.storeId(),
                command.registerId()));
    }

    public Decision voidHold(VoidHold command, Instant now) {
        Optional<Decision> previous = account.previous("void", "holdId", command.holdId(), CreditHoldVoided.class,
                voided -> true);
        if (previous.isPresent()) {
            return previous.get();
        }
        Hold hold = hold(command.holdId());
        if (hold.ended() || !hold.holdsAt(now)) {
            throw new CommandRefusedException("hold-ended",
                    "hold " + hold.holdId() + " was already " + (hold.ended() ? hold.state() : "expired"));
        }
        return Decision.of(new CreditHoldVoided(hold.holdId(), hold.amount(), command.reason()));
    }

    /** Ends a hold past its expiry that nobody captured or voided; nothing when it already ended or still holds. */
    public Decision expireHold(String holdId, Instant now) {
        return account.holds().find(holdId)
                .filter(hold -> !hold.ended() && !hold.holdsAt(now))
                .map(hold -> Decision.of(new CreditHoldExpired(hold.holdId(), hold.amount())))
                .orElse(Decision.nothing());
    }

    public Decision grantOverride(GrantOverride command, Instant now) {
        Optional<Decision> previous = account.previous("override", "overrideId", command.overrideId(),
                ChargeOverrideGranted.class, granted -> sameAmount(granted.amount(), command.amount()));
        if (previous.isPresent()) {
            return previous.get();
        }
        account.requireNotClosed();
        BigDecimal amount = Money.positive("amount", command.amount(), account.currency());
        if (!command.expiresAt().isAfter(now)) {
            throw new InvalidCommandException("expiresInSeconds", "must be greater than zero");
        }
        return Decision.of(new ChargeOverrideGranted(command.overrideId(), amount, command.reasonCode(),
                command.note(), command.expiresAt()));
    }

    /** The register's keys, as bounded at every edge (HTTP and pos-sales). */
    private static void requireKeys(ChargeSale command) {
        InputRules.key("saleId", command.saleId());
        InputRules.optionalKey("holdId", command.holdId());
        InputRules.optionalKey("overrideId", command.overrideId());
    }

    private void requireChargeable() {
        if (account.status() == AccountStatus.CLOSED) {
            throw new ChargeDeclinedException(DeclineReason.ACCOUNT_CLOSED, account.zero(), "the account is closed");
        }
        if (account.status() == AccountStatus.SUSPENDED) {
            throw new ChargeDeclinedException(DeclineReason.ACCOUNT_SUSPENDED, account.zero(),
                    "the account is suspended");
        }
    }

    private void requireLimit(BigDecimal available) {
        if (account.creditLimit().isEmpty()) {
            throw new ChargeDeclinedException(DeclineReason.NO_CREDIT_LIMIT, available,
                    "the account has no credit limit");
        }
    }

    private void requireNothingTooOverdue(OverdueRule rule, Moment moment, BigDecimal available) {
        long days = account.invoices().mostDaysOverdue(moment.today());
        if (rule.blocks(days)) {
            throw new ChargeDeclinedException(DeclineReason.OVERDUE_INVOICES, available,
                    "an invoice is " + days + " days overdue; the store blocks charges after "
                            + rule.blockAfterDays());
        }
    }

    private static void requireWithin(BigDecimal amount, BigDecimal available, String what) {
        if (amount.compareTo(available) > 0) {
            throw new ChargeDeclinedException(DeclineReason.OVER_AVAILABLE, available,
                    what + " of " + amount + " is over the available " + available);
        }
    }

    private void requireUsableOverride(String overrideId, BigDecimal amount, Instant now, BigDecimal available) {
        ChargeOverride override = account.override(overrideId).orElseThrow(
                () -> new InvalidCommandException("overrideId", "names no override of this account"));
        if (!override.usableAt(now)) {
            throw new ChargeDeclinedException(DeclineReason.OVERRIDE_NOT_USABLE, available,
                    "override " + overrideId + (override.used() ? " was already used" : " has lapsed"));
        }
        if (amount.compareTo(override.granted().amount()) > 0) {
            throw new ChargeDeclinedException(DeclineReason.OVERRIDE_NOT_USABLE, available,
                    "override " + overrideId + " allows up to " + override.granted().amount() + ", not " + amount);
        }
    }

    private Hold captured(String holdId, Instant now) {
        Hold hold = hold(holdId);
        if (hold.ended()) {
            throw new ChargeDeclinedException(DeclineReason.HOLD_ENDED, account.availableAt(now),
                    "hold " + holdId + " was already " + hold.state());
        }
        return hold;
    }

    private Hold hold(String holdId) {
        return account.holds().find(holdId).orElseThrow(
                () -> new InvalidCommandException("holdId", "names no hold of this account"));
    }

    private BigDecimal depositToApply(BigDecimal requested, BigDecimal amount) {
        if (requested == null) {
            return account.zero();
        }
        BigDecimal deposit = Money.notNegative("depositToApply", requested, account.currency());
        if (deposit.compareTo(amount) > 0) {
            throw new InvalidCommandException("depositToApply", "is more than the amount " + amount);
        }
        if (deposit.compareTo(account.depositBalance()) > 0) {
            throw new ChargeDeclinedException(DeclineReason.INSUFFICIENT_DEPOSIT, account.depositBalance(),
                    "the deposit balance is " + account.depositBalance() + ", less than " + deposit);
        }
        return deposit;
    }

    private List<InvoiceLine> invoiceLines(List<ChargeSale.SaleLine> lines, BigDecimal amount) {
        String currency = account.currency();
        int scale = amount.scale();
        InputRules.lineCount(lines.size());
        List<InvoiceLine> invoiceLines = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            ChargeSale.SaleLine line = lines.get(i);
            String prefix = "lines[" + i + "].";
            String description = InputRules.text(prefix + "description", line.description());
            // bounded before it is multiplied: 1e999999999 units would make a number of a billion digits
            BigDecimal quantity = InputRules.quantity(prefix + "quantity", line.quantity());
            BigDecimal unitPrice = Money.inCurrency(prefix + "unitPrice", line.unitPrice(), currency);
            BigDecimal tax = line.tax() == null ? account.zero()
                    : Money.notNegative(prefix + "tax", line.tax(), currency);
            invoiceLines.add(new InvoiceLine(description, quantity, unitPrice,
                    quantity.multiply(unitPrice).setScale(scale, RoundingMode.HALF_UP), tax));
        }
        BigDecimal total = invoiceLines.stream().map(InvoiceLine::total).reduce(account.zero(), BigDecimal::add);
        if (!invoiceLines.isEmpty() && total.compareTo(amount) != 0) {
            throw new InvalidCommandException("lines", "add up to " + total + ", not to the amount " + amount);
        }
        return invoiceLines;
    }

    private static LocalDate dueDate(PaymentTerms terms, LocalDate customDueDate, LocalDate today) {
        if (terms != PaymentTerms.CUSTOM) {
            if (customDueDate != null) {
                throw new InvalidCommandException("dueDate", "is given only with CUSTOM terms");
            }
            return today.plusDays(terms.days());
        }
        if (customDueDate == null) {
            throw new InvalidCommandException("dueDate", "is required with CUSTOM terms");
        }
        return InputRules.dueDate("dueDate", customDueDate, today);
    }

    static boolean sameAmount(BigDecimal first, BigDecimal requested) {
        return requested != null && first.compareTo(requested) == 0;
    }

    static boolean same(Object first, Object requested) {
        return Objects.equals(first, requested);
    }
}
