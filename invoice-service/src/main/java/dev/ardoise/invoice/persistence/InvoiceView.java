package dev.ardoise.invoice.persistence;

import dev.ardoise.invoice.domain.Invoice;
import dev.ardoise.invoice.domain.InvoiceApplication;

import java.util.List;
import java.util.UUID;

/**
 * An invoice as listed: its figures, account and the account's store, lines (JSON), terms, and what was applied
 * to it.
 */
public record InvoiceView(Invoice invoice, UUID accountId, String accountStore, String currency, String linesJson,
                          String terms, List<InvoiceApplication> applications) {
}
