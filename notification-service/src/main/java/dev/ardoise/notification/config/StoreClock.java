package dev.ardoise.notification.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/** The one clock of the service, on the store's time zone (tests replace it to fix or move time). */
public class StoreClock {

    @Produces
    @Singleton
    Clock clock(StoreConfig store) {
        return Clock.system(store.timeZone());
    }
}
