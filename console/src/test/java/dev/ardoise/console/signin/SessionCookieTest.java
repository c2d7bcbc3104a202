package dev.ardoise.console.signin;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import jakarta.ws.rs.core.NewCookie;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URL;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The session cookie as the console's own settings make it when CONSOLE_SECURE_COOKIE is not given: HTTPS only. */
class SessionCookieTest {

    @Test
    void by_default_the_cookie_is_secure_http_only_and_strict_whether_set_or_cleared() throws IOException {
        SessionCookie cookie = new SessionCookie(defaultSetting("ardoise.console.secure-cookie"));
        for (NewCookie written : new NewCookie[] {cookie.holding("token", 28_800), cookie.cleared()}) {
            assertTrue(written.isSecure(), "Secure by default");
            assertTrue(written.isHttpOnly());
            assertEquals(NewCookie.SameSite.STRICT, written.getSameSite());
            assertEquals("/", written.getPath());
        }
        assertEquals(0, cookie.cleared().getMaxAge());
        assertEquals("", cookie.cleared().getValue());
    }

    @Test
    void plain_http_is_asked_for_by_name() {
        assertFalse(new SessionCookie(false).holding("token", 60).isSecure());
    }

    /** The value application.properties gives a setting when no environment variable is set. */
    private static boolean defaultSetting(String name) throws IOException {
        URL properties = SessionCookieTest.class.getClassLoader().getResource("application.properties");
        SmallRyeConfig config = new SmallRyeConfigBuilder().addDefaultInterceptors()
                .withSources(new PropertiesConfigSource(properties))
                .build();
        return config.getValue(name, Boolean.class);
    }
}
