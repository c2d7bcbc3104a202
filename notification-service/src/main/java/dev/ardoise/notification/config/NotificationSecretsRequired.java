package dev.ardoise.notification.config;

import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;

/** Uses {@link NotificationSecrets}, so that Quarkus checks them when it reads the configuration. */
@Startup
@Singleton
class NotificationSecretsRequired {
    NotificationSecretsRequired(NotificationSecrets secrets) {
        secrets.serviceTokenSigningKeyLocation();
    }
}
