package dev.ardoise.http.security;

import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;

/**
 * Quarkus checks a configuration mapping at start only when a bean uses it: this one uses {@link ProductionSecrets},
 * so that a production start without one of them stops before anything connects.
 */
@Startup
@Singleton
class ProductionSecretsRequired {
    ProductionSecretsRequired(ProductionSecrets secrets) {
        secrets.tokenIssuer();
    }
}
