package dev.ardoise.console.web;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LocalPathsTest {

    @Test
    void a_path_of_the_console_is_kept_with_its_query() {
        assertEquals("/accounts?q=marie&page=2", LocalPaths.only("/accounts?q=marie&page=2"));
        assertEquals("/accounts/6f1c2a9e", LocalPaths.only("/accounts/6f1c2a9e"));
        assertEquals("/accounts?q=%20marie", LocalPaths.only("/accounts?q=%20marie"));
    }

    @Test
    void another_site_or_what_a_redirect_cannot_carry_is_home() {
        for (String sent : new String[] {"/\t/evil", "/ a", "//evil", "https://x", "///evil", "/\\evil", "\\\\evil",
                "/a\"b", "/<script>", "accounts", "", "http:/evil", "javascript:alert(1)", null}) {
            assertEquals("/", LocalPaths.only(sent), String.valueOf(sent));
        }
    }

    @Test
    void an_encoded_slash_stays_a_path_of_the_console() {
        String kept = LocalPaths.only("/%2F%2Fevil");
        assertEquals("/%2F%2Fevil", kept);
        assertEquals(null, URI.create(kept).getHost(), "the browser goes to this console's /%2F%2Fevil");
    }

    @Test
    void every_answer_is_a_uri_a_redirect_can_carry() {
        for (String sent : new String[] {"/\t/evil", "/ a", "/%2F%2Fevil", "//evil", "https://x", "/a|b", "/é"}) {
            URI.create(LocalPaths.only(sent));
        }
    }
}
