package dev.ardoise.account.pos;

import dev.ardoise.account.domain.ChargeSale;
import dev.ardoise.events.PaymentTerms;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A sale a register published on {@code pos-sales}, as read from the message (fields checked later). Who sells
 * (user, register) comes from the record's token and the store from the account: a storeId, registerId or userId
 * in the body is not read.
 */
record PosSale(String saleId, String accountId, BigDecimal amount, List<ChargeSale.SaleLine> lines,
               PaymentTerms terms, LocalDate dueDate, String holdId, String correlationId) {
}
