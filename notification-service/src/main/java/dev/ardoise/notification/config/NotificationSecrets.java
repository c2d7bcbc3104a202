package dev.ardoise.notification.config;

import io.smallrye.config.ConfigMapping;

/**
 * The secrets notification-service needs beyond every service's ({@code dev.ardoise.http.security.ProductionSecrets}):
 * the private key it signs its SERVICE tokens with, and the SMTP password. Required in production, checked the
 * same way: a start without one stops at once, naming it.
 */
@ConfigMapping(prefix = "ardoise.production.notification")
public interface NotificationSecrets {
    String serviceTokenSigningKeyLocation();

    String smtpPassword();
}
