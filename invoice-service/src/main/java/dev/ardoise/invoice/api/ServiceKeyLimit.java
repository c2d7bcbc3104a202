package dev.ardoise.invoice.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ardoise.http.security.Roles;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.io.IOException;
import java.util.Base64;
import java.util.Set;

/**
 * invoice-service trusts two keys (docs/security.md): the issuer's, and notification-service's own, which it
 * signs its statement reads with. A token of notification-service's key (its kid,
 * {@code ardoise.security.service-token-key-id}) is refused unless its only role is {@code SERVICE}: whoever holds
 * that key can read statements, never act as a manager or an operator. Refused as any bad token is, 401.
 *
 * <p>The kid read here is the one smallrye-jwt chose the verification key by, from the same verified token.
 */
@ApplicationScoped
public class ServiceKeyLimit implements SecurityIdentityAugmentor {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> ONLY_SERVICE = Set.of(Roles.SERVICE);

    private final String serviceKeyId;

    ServiceKeyLimit(@ConfigProperty(name = "ardoise.security.service-token-key-id") String serviceKeyId) {
        this.serviceKeyId = serviceKeyId;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        try {
            if (!serviceKeyId.equals(keyId(token.getRawToken()))
                    || ONLY_SERVICE.equals(token.getGroups()) && ONLY_SERVICE.equals(identity.getRoles())) {
                return Uni.createFrom().item(identity);
            }
            throw new AuthenticationFailedException(
                    "a token signed with the service key " + serviceKeyId + " may only have the role SERVICE");
        } catch (AuthenticationFailedException e) {
            return Uni.createFrom().failure(e);
        }
    }

    /**
     * The kid of the token's header, or null when it has none.
     *
     * @throws AuthenticationFailedException when the header cannot be read (it could not have been verified)
     */
    static String keyId(String rawToken) {
        int dot = rawToken == null ? -1 : rawToken.indexOf('.');
        try {
            if (dot < 0) {
                throw new IllegalArgumentException("not a compact JWS");
            }
            JsonNode kid = JSON.readTree(Base64.getUrlDecoder().decode(rawToken.substring(0, dot))).get("kid");
            return kid != null && kid.isTextual() ? kid.asText() : null;
        } catch (IOException | IllegalArgumentException e) {
            throw new AuthenticationFailedException("the token's header cannot be read", e);
        }
    }
}
