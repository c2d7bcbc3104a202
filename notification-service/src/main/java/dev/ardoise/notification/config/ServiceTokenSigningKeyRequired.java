package dev.ardoise.notification.config;

import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;

/** Uses {@link ServiceTokenSigningKey}, so that Quarkus checks it when it reads the configuration. */
@Startup
@Singleton
class ServiceTokenSigningKeyRequired {
    ServiceTokenSigningKeyRequired(ServiceTokenSigningKey key) {
        key.signingKeyLocation();
    }
}
