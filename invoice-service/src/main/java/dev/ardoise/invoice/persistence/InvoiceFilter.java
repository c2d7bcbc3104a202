package dev.ardoise.invoice.persistence;

import dev.ardoise.invoice.domain.InvoiceStatus;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Which invoices to list and in what order: those of the accounts of the {@code stores} in scope. Every other field
 * but paging may be null (no filter). {@code from}/{@code to} bound the issue date, both inclusive.
 */
public record InvoiceFilter(StoreScope stores, UUID accountId, InvoiceStatus status, LocalDate from, LocalDate to,
                            InvoiceSort sort, boolean ascending, int page, int size) {

    public enum InvoiceSort {
        ISSUED_ON("i.issued_on"), DUE_DATE("i.due_date"), NUMBER("i.invoice_number"), AMOUNT("i.amount"),
        OWED("i.owed");

        final String column;

        InvoiceSort(String column) {
            this.column = column;
        }
    }
}
