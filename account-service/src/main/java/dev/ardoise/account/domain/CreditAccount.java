package dev.ardoise.account.domain;

import dev.ardoise.events.AccountEvent;
import dev.ardoise.events.AccountOpened;
import dev.ardoise.events.CreditLimitSet;
import dev.ardoise.events.DepositAdded;
import dev.ardoise.events.InvoiceLine;
import dev.ardoise.events.PaymentTerms;
import dev.ardoise.events.SaleCharged;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A customer's credit account, rebuilt from its events. Each command is decided on that state and answered
 * with the new events (never applied here: the caller appends them at the version it read) or a refusal.
 */
public final class CreditAccount {
    private final UUID id;
    private long version;
    private AccountOpened opening;
    private BigDecimal creditLimit;
    private BigDecimal owed;
    private BigDecimal depositBalance;
    private final Map<String, SaleCharged> salesById = new HashMap<>();
    private final Map<String, DepositAdded> depositsById = new HashMap<>();

    private CreditAccount(UUID id) {
        this.id = id;
    }

    /** The account as its history left it; the history starts with {@link AccountOpened}. */
    public static CreditAccount replay(UUID id, List<AccountEvent> history) {
        CreditAccount account = new CreditAccount(id);
        history.forEach(account::apply);
        return account;
    }

    /** The events that open an account, with its first credit limit when one is given. */
    public static List<AccountEvent> open(OpenAccount command) {
        String currency = currencyCode(command.currency());
        List<AccountEvent> events = new ArrayList<>();
        events.add(new AccountOpened(command.customerId(), command.name(), command.email(), command.emailConsent(),
                command.language(), currency));
        if (command.creditLimit() != null) {
            events.add(new CreditLimitSet(Money.notNegative("creditLimit", command.creditLimit(), currency), null));
        }
        return events;
    }

    public List<AccountEvent> setCreditLimit(BigDecimal newLimit) {
        BigDecimal limit = Money.notNegative("creditLimit", newLimit, currency());
        if (limit.equals(creditLimit)) {
            return List.of();
        }
        return List.of(new CreditLimitSet(limit, creditLimit));
    }

    /**
     * The charge already made for this sale, if any: a register retrying gets the first result.
     *
     * @throws IdempotencyConflictException when the sale id was used for another amount
     */
    public Optional<SaleCharged> previousCharge(ChargeSale command) {
        SaleCharged previous = salesById.get(command.saleId());
        if (previous != null && previous.amount().compareTo(command.amount()) != 0) {
            throw new IdempotencyConflictException("saleId", command.saleId());
        }
        return Optional.ofNullable(previous);
    }

    /**
     * Charges a new sale, which becomes an invoice owed in full.
     *
     * @throws ChargeDeclinedException  when the account has no limit or the sale is over the available credit
     * @throws InvalidCommandException when the amount, lines or terms do not hold together
     */
    public SaleCharged charge(ChargeSale command, InvoiceIdentity invoice, LocalDate today) {
        BigDecimal amount = Money.positive("amount", command.amount(), currency());
        List<InvoiceLine> lines = invoiceLines(command.lines(), amount);
        LocalDate dueDate = dueDate(command.terms(), command.dueDate(), today);
        if (creditLimit == null) {
            throw new ChargeDeclinedException(DeclineReason.NO_CREDIT_LIMIT, available(),
                    "the account has no credit limit");
        }
        if (amount.compareTo(available()) > 0) {
            throw new ChargeDeclinedException(DeclineReason.OVER_AVAILABLE, available(),
                    "the sale of " + amount + " is over the available " + available());
        }
        return new SaleCharged(command.saleId(), invoice.invoiceId(), invoice.invoiceNumber(), amount, lines,
                command.terms(), today, dueDate, invoice.storeId(), command.registerId());
    }

    /** The deposit already taken under this id, if any (same idempotency rule as charges). */
    public Optional<DepositAdded> previousDeposit(AddDeposit command) {
        DepositAdded previous = depositsById.get(command.depositId());
        if (previous != null && previous.amount().compareTo(command.amount()) != 0) {
            throw new IdempotencyConflictException("depositId", command.depositId());
        }
        return Optional.ofNullable(previous);
    }

    public DepositAdded addDeposit(AddDeposit command) {
        BigDecimal amount = Money.positive("amount", command.amount(), currency());
        return new DepositAdded(command.depositId(), amount, command.purpose(), command.reference());
    }

    /** Credit limit minus what is owed, never below zero; deposits do not count. */
    public BigDecimal available() {
        if (creditLimit == null) {
            return Money.zero(currency());
        }
        BigDecimal left = creditLimit.subtract(owed);
        return left.signum() < 0 ? Money.zero(currency()) : left;
    }

    /** What is owed, shown negative as merchants do ({@code -700.00}). */
    public BigDecimal balance() {
        return owed.negate();
    }

    public void apply(AccountEvent event) {
        if (event instanceof AccountOpened opened) {
            opening = opened;
            owed = Money.zero(opened.currency());
            depositBalance = Money.zero(opened.currency());
        } else if (event instanceof CreditLimitSet limit) {
            creditLimit = limit.creditLimit();
        } else if (event instanceof SaleCharged sale) {
            salesById.put(sale.saleId(), sale);
            owed = owed.add(sale.amount());
        } else if (event instanceof DepositAdded deposit) {
            depositsById.put(deposit.depositId(), deposit);
            depositBalance = depositBalance.add(deposit.amount());
        }
        version++;
    }

    private List<InvoiceLine> invoiceLines(List<ChargeSale.SaleLine> lines, BigDecimal amount) {
        int scale = amount.scale();
        List<InvoiceLine> invoiceLines = lines.stream()
                .map(line -> new InvoiceLine(line.description(), line.quantity(),
                        Money.inCurrency("lines.unitPrice", line.unitPrice(), currency()),
                        line.quantity().multiply(line.unitPrice()).setScale(scale, RoundingMode.HALF_UP)))
                .toList();
        BigDecimal total = invoiceLines.stream().map(InvoiceLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
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
        if (customDueDate.isBefore(today)) {
            throw new InvalidCommandException("dueDate", "is before the invoice date " + today);
        }
        return customDueDate;
    }

    private static String currencyCode(String code) {
        try {
            return Currency.getInstance(code.strip().toUpperCase(Locale.ROOT)).getCurrencyCode();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidCommandException("currency", "is not an ISO 4217 currency code");
        }
    }

    public boolean exists() {
        return opening != null;
    }

    public UUID id() {
        return id;
    }

    public long version() {
        return version;
    }

    public AccountOpened opening() {
        return opening;
    }

    public String currency() {
        return opening.currency();
    }

    public Optional<BigDecimal> creditLimit() {
        return Optional.ofNullable(creditLimit);
    }

    public BigDecimal owed() {
        return owed;
    }

    public BigDecimal depositBalance() {
        return depositBalance;
    }
}
