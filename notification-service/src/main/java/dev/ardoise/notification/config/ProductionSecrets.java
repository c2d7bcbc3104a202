package dev.ardoise.notification.config;

import io.smallrye.config.ConfigMapping;

/**
 * The secrets a production start must be given (docs/security.md, "Secrets"), read while the configuration is
 * read, before anything connects. Outside production nothing is checked; in production each is its environment
 * variable without a default, so that a start without one stops at once, naming the variable. The settings that use
 * them (the token issuer and key, the service token's key, the database and Kafka passwords) are optional to their
 * extensions, which would otherwise start without them. (A default here would stand in for a variable that
 * cannot be expanded: the stand-ins outside production are in application.properties.)
 */
@ConfigMapping(prefix = "ardoise.production-secrets")
public interface ProductionSecrets {
    String tokenIssuer();

    String tokenPublicKeyLocation();

    String serviceTokenSigningKeyLocation();

    String dbPassword();

    String kafkaPassword();
}
