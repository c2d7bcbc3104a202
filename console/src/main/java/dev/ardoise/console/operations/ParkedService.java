package dev.ardoise.console.operations;

import java.util.Arrays;
import java.util.Optional;

/** Who parks accounts: account-service's outbox relay, and each reader of account-events. */
public enum ParkedService {
    RELAY("relay", "account-service"),
    INVOICES("invoice-service", "invoice-service"),
    NOTIFICATIONS("notification-service", "notification-service");

    private final String path;
    private final String serviceName;

    ParkedService(String path, String serviceName) {
        this.path = path;
        this.serviceName = serviceName;
    }

    /** Its segment in the console's paths and its {@code data-service}: {@code relay}, {@code invoice-service}. */
    public String path() {
        return path;
    }

    public String serviceName() {
        return serviceName;
    }

    /** The message of {@code OpsMessages} that names it. */
    public String titleKey() {
        return "parked_of_" + name().toLowerCase();
    }

    static Optional<ParkedService> of(String path) {
        return Arrays.stream(values()).filter(service -> service.path.equals(path)).findFirst();
    }
}
