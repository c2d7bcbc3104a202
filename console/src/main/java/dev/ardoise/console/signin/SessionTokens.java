package dev.ardoise.console.signin;

import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/**
 * Signs the token of a user who signed in locally, with the claims of docs/security.md, so that the services
 * trust it as they trust the issuer's: the console is the local stack's identity provider.
 */
@ApplicationScoped
public class SessionTokens {
    private final String issuer;
    private final String audience;
    private final String keyId;
    private final Duration length;

    SessionTokens(@ConfigProperty(name = "ardoise.console.token-issuer") String issuer,
                  @ConfigProperty(name = "ardoise.console.token-audience") String audience,
                  @ConfigProperty(name = "ardoise.console.token-key-id") String keyId,
                  @ConfigProperty(name = "ardoise.console.session-length") Duration length) {
        this.issuer = issuer;
        this.audience = audience;
        this.keyId = keyId;
        this.length = length;
    }

    public String sign(ConsoleUser user) {
        return Jwt.issuer(issuer).audience(audience).subject(user.name()).groups(user.roles())
                .claim(SignedIn.STORES, user.stores()).expiresIn(length).jws().keyId(keyId).sign();
    }

    public Duration length() {
        return length;
    }
}
