package dev.ardoise.console.signin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

/**
 * Every call to a service carries the signed-in user's token, never one of the console's own: the service checks
 * the user's roles and stores itself, so the console cannot do more than the user may.
 */
@ApplicationScoped
public class UserTokenForwarding implements ClientHeadersFactory {
    @Inject
    SignedIn signedIn;

    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incoming,
                                                 MultivaluedMap<String, String> outgoing) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        String bearer = signedIn.bearer();
        if (bearer != null) {
            headers.putSingle("Authorization", "Bearer " + bearer);
        }
        return headers;
    }
}
