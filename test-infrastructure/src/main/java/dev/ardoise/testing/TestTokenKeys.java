package dev.ardoise.testing;

import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.Map;
import java.util.Set;

/**
 * Makes every Quarkus application under test verify bearer tokens with the keys {@link Tokens} signs with (a JWK
 * set: the issuer's, and notification-service's own, which production gives to invoice-service only). Found
 * through {@code META-INF/services}, so it applies wherever test-infrastructure is on the test classpath, and
 * only there; its ordinal puts it above application.properties and below the environment.
 */
public class TestTokenKeys implements ConfigSource {
    private static final int ABOVE_APPLICATION_PROPERTIES = 275;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("mp.jwt.verify.publickey", Tokens.verificationKeys(),
                "mp.jwt.verify.issuer", Tokens.ISSUER,
                "mp.jwt.verify.audiences", Tokens.AUDIENCE);
    }

    @Override
    public Set<String> getPropertyNames() {
        return getProperties().keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return getProperties().get(propertyName);
    }

    @Override
    public String getName() {
        return "ardoise-test-token-keys";
    }

    @Override
    public int getOrdinal() {
        return ABOVE_APPLICATION_PROPERTIES;
    }
}
