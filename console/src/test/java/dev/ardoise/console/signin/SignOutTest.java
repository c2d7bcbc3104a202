package dev.ardoise.console.signin;

import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Behind an identity provider's proxy, sign-out goes on to the proxy's own sign-out once the cookie is cleared. */
class SignOutTest {

    @Test
    void sign_out_clears_the_cookie_then_goes_to_the_configured_sign_out() {
        SignInResource signIn = new SignInResource(null, null, new SignInThrottle(), new SessionCookie(true),
                Optional.of("https://console.example.com/oauth2/sign_out"));
        try (Response answer = signIn.signOut()) {
            assertEquals(303, answer.getStatus());
            assertEquals(URI.create("https://console.example.com/oauth2/sign_out"), answer.getLocation());
            NewCookie cleared = answer.getCookies().get(SessionCookie.NAME);
            assertEquals("", cleared.getValue());
            assertEquals(0, cleared.getMaxAge());
            assertTrue(cleared.isSecure() && cleared.isHttpOnly());
        }
    }

    @Test
    void without_one_it_goes_to_the_sign_in_page() {
        SignInResource signIn = new SignInResource(null, null, new SignInThrottle(), new SessionCookie(true), Optional.empty());
        try (Response answer = signIn.signOut()) {
            assertEquals(URI.create("/sign-in"), answer.getLocation());
        }
    }
}
