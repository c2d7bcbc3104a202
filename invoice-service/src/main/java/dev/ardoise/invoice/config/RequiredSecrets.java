package dev.ardoise.invoice.config;

import io.quarkus.runtime.Startup;
import io.smallrye.config.ConfigMapping;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The secrets a production start must be given. Quarkus reads the database password and the Kafka login as
 * optional values: without these required copies, a start that lacks DB_PASSWORD or KAFKA_PASSWORD would go on
 * and fail later on a refused connection; and it names a missing token issuer by its own property only. Read
 * here, a missing one stops the start at once, naming the environment variable.
 */
@Startup
@ApplicationScoped
class RequiredSecrets {

    RequiredSecrets(Values values) {
        // the mapping is checked when the configuration is read, before anything starts
    }

    @ConfigMapping(prefix = "ardoise.required")
    interface Values {
        String databasePassword();

        String kafkaLogin();

        String tokenIssuer();

        String tokenPublicKey();
    }
}
