package dev.ardoise.notification.config;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The store as its emails present it is read once at start: a logo address that is not http(s) stops the start,
 * naming STORE_LOGO_URL, rather than failing every email later.
 */
@ApplicationScoped
class StoreCheck {
    void atStart(@Observes StartupEvent start, StoreConfig store) {
        store.store();
    }
}
