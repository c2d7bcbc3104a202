package dev.ardoise.testing;

import dev.ardoise.events.AccountEvent;
import dev.ardoise.events.AccountOpened;
import dev.ardoise.events.AccountReactivated;
import dev.ardoise.events.AccountSuspended;
import dev.ardoise.events.AdjustmentDirection;
import dev.ardoise.events.Allocation;
import dev.ardoise.events.BalanceAdjusted;
import dev.ardoise.events.CreditHoldExpired;
import dev.ardoise.events.CreditHoldPlaced;
import dev.ardoise.events.CreditHoldVoided;
import dev.ardoise.events.CreditLimitSet;
import dev.ardoise.events.CreditNoteIssued;
import dev.ardoise.events.CreditNoteOrigin;
import dev.ardoise.events.CustomerDetailsChanged;
import dev.ardoise.events.DebtWrittenOff;
import dev.ardoise.events.DepositAdded;
import dev.ardoise.events.DepositApplied;
import dev.ardoise.events.DepositPurpose;
import dev.ardoise.events.DepositReturned;
import dev.ardoise.events.EmailConsentWithdrawn;
import dev.ardoise.events.EventMetadata;
import dev.ardoise.events.InvoiceLine;
import dev.ardoise.events.PaymentReceived;
import dev.ardoise.events.PaymentTerms;
import dev.ardoise.events.RecordedEvent;
import dev.ardoise.events.SaleCharged;
import dev.ardoise.events.SaleRefunded;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Generates plausible account histories, as account-service would record them: sales (some capturing a hold),
 * payments allocated oldest first with overpayments as credit notes, deposits applied and returned, refunds,
 * adjustments, write-offs, holds voided or expired, suspensions. The same index gives the same history whatever
 * the account id (invoice ids are derived from it), so two copies of a history can be compared row by row.
 */
public final class Histories {
    private static final ZoneId STORE = ZoneId.of("America/Toronto");
    private static final LocalDate START = LocalDate.of(2026, 1, 5);

    private Histories() {
    }

    public static List<RecordedEvent> history(UUID accountId, int index, int events) {
        return new Builder(accountId, index, index % 7 == 3 ? "JPY" : "CAD").build(events);
    }

    /** The same kind of history in the given currency, its amounts at that currency's scale (KWD: 3 decimals). */
    public static List<RecordedEvent> history(UUID accountId, int index, int events, String currency) {
        return new Builder(accountId, index, currency).build(events);
    }

    private static final class Builder {
        private final UUID accountId;
        private final int index;
        private final Random random;
        private final String currency;
        private final int scale;
        private final List<RecordedEvent> events = new ArrayList<>();
        private final Map<String, long[]> invoices = new LinkedHashMap<>(); // id -> {owed, total, refunded, writtenOff}
        private final Map<String, Long> holds = new LinkedHashMap<>();
        private long deposit;
        private LocalDate day = START;
        private boolean suspended;
        private int sequence;

        Builder(UUID accountId, int index, String currency) {
            this.accountId = accountId;
            this.index = index;
            this.random = new Random(index);
            this.currency = currency;
            this.scale = Currency.getInstance(currency).getDefaultFractionDigits();
        }

        List<RecordedEvent> build(int count) {
            add(new AccountOpened("C-" + accountId, "Customer " + index, null, false,
                    "fr-CA", currency));
            add(new CreditLimitSet(money(units(100_000, 500_000)), null));
            while (events.size() < count) {
                day = day.plusDays(random.nextInt(3));
                step(count - events.size());
            }
            return events;
        }

        private void step(int room) {
            int roll = random.nextInt(100);
            if (roll < 35 && !suspended) {
                sale(room);
            } else if (roll < 55) {
                payment(room);
            } else if (roll < 65) {
                add(new DepositAdded(id("D"), money(deposit(units(1_000, 20_000))), DepositPurpose.LAYAWAY, null));
            } else if (roll < 72) {
                depositApplied();
            } else if (roll < 77) {
                refund(room);
            } else if (roll < 83) {
                adjustment();
            } else if (roll < 85) {
                writeOff();
            } else if (roll < 91) {
                hold(room);
            } else if (roll < 94 && deposit > 0) {
                long amount = Math.min(deposit, units(100, 5_000));
                deposit -= amount;
                add(new DepositReturned(id("DR"), money(amount), "CASH", null));
            } else if (roll < 97) {
                suspended = !suspended;
                add(suspended ? new AccountSuspended("late") : new AccountReactivated(null));
            } else {
                add(random.nextBoolean() ? new CustomerDetailsChanged("Customer " + sequence, null, "en")
                        : new EmailConsentWithdrawn(null));
            }
        }

        private void sale(int room) {
            long amount = units(100, 30_000);
            String holdId = null;
            if (room >= 2 && random.nextInt(4) == 0) {
                holdId = id("H");
                add(new CreditHoldPlaced(holdId, money(amount + units(0, 1_000)), Instant.parse("2027-01-01T00:00:00Z"),
                        "MAIN", "R1"));
            }
            String number = "G-" + (++sequence);
            String invoiceId = accountId + "-" + number;
            invoices.put(invoiceId, new long[] {amount, amount, 0, 0});
            LocalDate due = day.plusDays(random.nextBoolean() ? 30 : 15);
            InvoiceLine line = new InvoiceLine("Item", BigDecimal.ONE, money(amount), money(amount));
            add(new SaleCharged("S-" + number, invoiceId, number, money(amount), List.of(line), PaymentTerms.NET_30,
                    day, due, random.nextBoolean() ? "MAIN" : "EAST", "R1", holdId, null));
        }

        private void payment(int room) {
            long owed = owed();
            if (owed == 0) {
                return;
            }
            long amount = Math.min(owed, units(100, 40_000));
            long extra = room >= 2 && random.nextInt(5) == 0 ? units(100, 2_000) : 0;
            String paymentId = id("P");
            add(new PaymentReceived(paymentId, money(amount + extra), "CHEQUE", "cheque " + sequence,
                    allocate(amount)));
            if (extra > 0) {
                deposit += extra;
                add(new CreditNoteIssued(paymentId, money(extra), CreditNoteOrigin.OVERPAYMENT, paymentId, null));
            }
        }

        private void depositApplied() {
            long amount = Math.min(deposit, owed());
            if (amount == 0) {
                return;
            }
            deposit -= amount;
            add(new DepositApplied(id("A"), money(amount), allocate(amount)));
        }

        private void refund(int room) {
            for (Map.Entry<String, long[]> invoice : invoices.entrySet()) {
                long[] figures = invoice.getValue();
                long refundable = figures[1] - figures[2];
                if (figures[3] == 0 && refundable > 0 && room >= 2) {
                    long amount = Math.max(1, refundable / 2);
                    long reduced = Math.min(amount, figures[0]);
                    figures[0] -= reduced;
                    figures[2] += amount;
                    String refundId = id("R");
                    add(new SaleRefunded(refundId, invoice.getKey(), number(invoice.getKey()), money(amount),
                            money(reduced), "RETURNED"));
                    if (amount > reduced) {
                        deposit += amount - reduced;
                        add(new CreditNoteIssued(refundId, money(amount - reduced), CreditNoteOrigin.REFUND, refundId,
                                invoice.getKey()));
                    }
                    return;
                }
            }
        }

        private void adjustment() {
            if (random.nextBoolean()) {
                long amount = Math.min(owed(), units(100, 2_000));
                if (amount > 0) {
                    add(new BalanceAdjusted(id("ADJ"), AdjustmentDirection.CREDIT, money(amount), "GOODWILL", null,
                            allocate(amount)));
                }
                return;
            }
            invoices.entrySet().stream().filter(invoice -> invoice.getValue()[3] == 0).findFirst().ifPresent(invoice -> {
                long amount = units(100, 1_500);
                invoice.getValue()[0] += amount;
                add(new BalanceAdjusted(id("ADJ"), AdjustmentDirection.DEBIT, money(amount), "FEE", "late fee",
                        List.of(new Allocation(invoice.getKey(), number(invoice.getKey()), money(amount)))));
            });
        }

        private void writeOff() {
            invoices.entrySet().stream().filter(invoice -> invoice.getValue()[0] > 0 && invoice.getValue()[3] == 0)
                    .findFirst().ifPresent(invoice -> {
                        long amount = invoice.getValue()[0];
                        invoice.getValue()[0] = 0;
                        invoice.getValue()[3] = 1;
                        add(new DebtWrittenOff(id("W"), invoice.getKey(), number(invoice.getKey()), money(amount),
                                "UNCOLLECTABLE", null));
                    });
        }

        private void hold(int room) {
            if (!holds.isEmpty()) {
                String holdId = holds.keySet().iterator().next();
                long amount = holds.remove(holdId);
                add(random.nextBoolean() ? new CreditHoldVoided(holdId, money(amount), "paid by card")
                        : new CreditHoldExpired(holdId, money(amount)));
            } else if (!suspended) {
                String holdId = id("H");
                long amount = units(100, 10_000);
                holds.put(holdId, amount);
                add(new CreditHoldPlaced(holdId, money(amount), Instant.parse("2027-01-01T00:00:00Z"), "MAIN", "R2"));
            }
        }

        /** Oldest first, never more than is owed on an invoice; lowers the generator's own figures. */
        private List<Allocation> allocate(long amount) {
            List<Allocation> allocations = new ArrayList<>();
            long left = amount;
            for (Map.Entry<String, long[]> invoice : invoices.entrySet()) {
                long owed = invoice.getValue()[0];
                if (left == 0) {
                    break;
                }
                if (owed > 0 && invoice.getValue()[3] == 0) {
                    long part = Math.min(owed, left);
                    invoice.getValue()[0] -= part;
                    left -= part;
                    allocations.add(new Allocation(invoice.getKey(), number(invoice.getKey()), money(part)));
                }
            }
            return allocations;
        }

        private long owed() {
            return invoices.values().stream().filter(figures -> figures[3] == 0).mapToLong(figures -> figures[0]).sum();
        }

        private long deposit(long amount) {
            deposit += amount;
            return amount;
        }

        private String number(String invoiceId) {
            return invoiceId.substring(accountId.toString().length() + 1);
        }

        private String id(String prefix) {
            return prefix + "-" + (++sequence);
        }

        /** A random amount in cents (or yen when the currency has no decimals, scaled down). */
        private long units(int least, int most) {
            long cents = least + random.nextInt(most - least);
            return scale == 0 ? Math.max(1, cents / 10) : cents;
        }

        private BigDecimal money(long units) {
            return BigDecimal.valueOf(units, scale);
        }

        private void add(AccountEvent event) {
            Instant at = day.atTime(9, 0).atZone(STORE).toInstant().plusSeconds(events.size());
            events.add(new RecordedEvent(UUID.nameUUIDFromBytes((accountId + ":" + events.size()).getBytes()),
                    accountId, events.size() + 1L, at, EventMetadata.UNRECORDED, event));
        }
    }
}
