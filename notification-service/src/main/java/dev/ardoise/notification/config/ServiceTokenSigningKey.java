package dev.ardoise.notification.config;

import io.smallrye.config.ConfigMapping;

/**
 * The one secret notification-service needs beyond every service's ({@code dev.ardoise.http.security.ProductionSecrets}):
 * the private key it signs its SERVICE tokens with. Required in production, checked the same way.
 */
@ConfigMapping(prefix = "ardoise.production.service-token")
public interface ServiceTokenSigningKey {
    String signingKeyLocation();
}
