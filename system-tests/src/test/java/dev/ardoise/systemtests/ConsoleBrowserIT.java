package dev.ardoise.systemtests;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console in a real headless Chromium, on the shared stack: people sign in with the local stack's users and do
 * what the issue asks of the console, reading what the page shows (amounts from their {@code data-amount}).
 */
@ExtendWith(Ardoise.class)
class ConsoleBrowserIT {
    @Test
    void a_manager_signs_in_with_the_stacks_password_and_lands_on_her_stores_accounts() {
        try (Browser anne = Browser.start(Ardoise.console())) {
            anne.signIn("anne", Ardoise.consolePassword());
            assertEquals("/accounts", anne.path());
            assertEquals("MANAGER", anne.text("#user-role"));
            assertTrue(anne.has("table#accounts"), "no accounts table on " + anne.path());
        }
    }
}
