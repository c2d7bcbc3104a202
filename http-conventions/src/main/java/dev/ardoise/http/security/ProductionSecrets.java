package dev.ardoise.http.security;

import io.smallrye.config.ConfigMapping;

/**
 * The secrets every service's production start must be given (docs/security.md, "Secrets"). In application.properties
 * each is its environment variable without a default in production ({@code %prod.ardoise.production.db-password=
 * ${DB_PASSWORD}}) and a stand-in outside it.
 *
 * <p>The extensions that use them (the datasource, Kafka, smallrye-jwt) take them as optional: they would start
 * without one, to fail later on a refused connection, or name only their own property. Read here, while the
 * configuration is read and before anything connects, a missing one stops the start at once, naming the variable.
 * (A {@code @WithDefault} here would stand in for a variable that cannot be expanded, and so check nothing.)
 */
@ConfigMapping(prefix = "ardoise.production")
public interface ProductionSecrets {
    String tokenIssuer();

    String tokenPublicKeyLocation();

    String dbPassword();

    String kafkaPassword();
}
