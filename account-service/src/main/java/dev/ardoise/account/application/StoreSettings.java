package dev.ardoise.account.application;

import dev.ardoise.events.PaymentTerms;
import io.smallrye.config.ConfigMapping;

import java.time.ZoneId;

/** The store this service issues invoices for. */
@ConfigMapping(prefix = "ardoise.store")
public interface StoreSettings {
    /** Prefix of invoice numbers, which are sequential per store. */
    String id();

    /** Terms of a charge that names none. */
    PaymentTerms defaultTerms();

    /** The store's time zone: it decides the date printed on an invoice and its due date. */
    ZoneId timeZone();
}
