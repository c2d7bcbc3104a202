package dev.ardoise.notification.config;

import dev.ardoise.notification.domain.Store;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** The store as its emails present it, and its calendar ({@code ardoise.store.*}). */
@ConfigMapping(prefix = "ardoise.store")
public interface StoreConfig {
    /** The store of the accounts whose AccountOpened names none (opened before stores were recorded). */
    @WithDefault("MAIN")
    String id();

    String name();

    Optional<String> addressLine1();

    Optional<String> addressLine2();

    Optional<String> phone();

    /** The store's logo at the top of every email (an http(s) address of an image); none: the name stands alone. */
    Optional<String> logoUrl();

    /** The store's calendar: invoice dates, reminder days and statement months are days in this zone. */
    ZoneId timeZone();

    default Store store() {
        return new Store(name(), List.of(addressLine1().orElse(""), addressLine2().orElse("")),
                phone().orElse(null), logoUrl().orElse(null));
    }
}
