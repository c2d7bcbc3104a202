package dev.ardoise.console.web;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rule itself, against a configured public origin: scheme, host and port compared, default ports known. */
class SameOriginRuleTest {
    private static final WebOrigin CONSOLE = WebOrigin.of("https://console.example.com").orElseThrow();

    @Test
    void the_consoles_own_origin_is_accepted_with_or_without_its_default_port() {
        assertTrue(SameOriginForms.fromOwnPages("https://console.example.com", null, CONSOLE));
        assertTrue(SameOriginForms.fromOwnPages("https://Console.Example.com:443", null, CONSOLE));
        assertTrue(SameOriginForms.fromOwnPages(null, "https://console.example.com/accounts?q=x", CONSOLE));
    }

    @Test
    void another_scheme_host_or_port_is_refused() {
        assertFalse(SameOriginForms.fromOwnPages("http://console.example.com", null, CONSOLE));
        assertFalse(SameOriginForms.fromOwnPages("https://console.example.com:8443", null, CONSOLE));
        assertFalse(SameOriginForms.fromOwnPages("https://console.example.com.evil.example", null, CONSOLE));
        assertFalse(SameOriginForms.fromOwnPages(null, "https://evil.example/?https://console.example.com", CONSOLE));
    }

    @Test
    void origin_null_is_refused_even_with_the_consoles_referer() {
        assertFalse(SameOriginForms.fromOwnPages("null", null, CONSOLE));
        assertFalse(SameOriginForms.fromOwnPages("null", "https://console.example.com/", CONSOLE));
    }

    @Test
    void a_request_with_neither_header_is_a_program_and_goes_through() {
        assertTrue(SameOriginForms.fromOwnPages(null, null, CONSOLE));
    }
}
