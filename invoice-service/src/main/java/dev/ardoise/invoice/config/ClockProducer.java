package dev.ardoise.invoice.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.ZoneId;

/**
 * The clock that says what day it is for the store (STORE_TIME_ZONE, the same setting account-service dates
 * invoices with). Invoices become overdue when their due date passes, with no event, so every query reads the
 * day from here.
 */
public class ClockProducer {

    @Produces
    @Singleton
    Clock clock(@ConfigProperty(name = "ardoise.store.time-zone") ZoneId storeZone) {
        return Clock.system(storeZone);
    }
}
