package dev.ardoise.account.eventstore;

/**
 * Sequential invoice numbers per store ({@code MAIN-000042}), from the store's counter row in
 * {@code invoice_numbers}. The row is locked until the charge commits, so numbers are gapless and never reused (a
 * charge that fails gives its number back); the price is that charges of one store take their numbers in turn. A
 * charge takes its number last, in the one statement that records it ({@link EventStore#appendNumbered}), so that
 * turn lasts that statement and its commit, not the whole decision.
 */
final class InvoiceNumbers {
    /**
     * The common table expression {@code next_number(invoice_number)} (for a {@code with} list): moves the counter
     * of the store {@code $13} (only when the append goes ahead: {@link EventStore#DECIDED_ON_LAST}) and writes its number with at least six digits ({@code MAIN-000042},
     * {@code MAIN-1234567}).
     */
    static final String NEXT = """
            next_number as (
                insert into invoice_numbers (store_id, last_number) select $13, 1 where %s
                on conflict (store_id) do update set last_number = invoice_numbers.last_number + 1
                returning $13 || '-' || lpad(last_number::text, greatest(6, length(last_number::text)), '0')
                          as invoice_number)""".formatted(EventStore.DECIDED_ON_LAST);

    private InvoiceNumbers() {
    }
}
