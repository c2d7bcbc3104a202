package dev.ardoise.notification.it;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/**
 * The merchant takes online payments, reminds at -3, +1 and +7 days, sends monthly statements from the 5th, and
 * retries SMTP for as long as a test keeps it down (every 0.2 s to 1 s), the way production rides out an outage.
 */
public class ScheduledEmailsProfile implements QuarkusTestProfile {
    static final String LINK_SECRET = "test-secret-for-payment-links";
    static final String LINK_BASE = "https://pay.example.test/pay";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.ofEntries(
                Map.entry("ardoise.payments.online-enabled", "true"),
                Map.entry("ardoise.payments.link-base-url", LINK_BASE),
                Map.entry("ardoise.payments.link-secret", LINK_SECRET),
                Map.entry("ardoise.reminders.offsets", "-3,1,7"),
                Map.entry("ardoise.reminders.interval", "300ms"),
                Map.entry("ardoise.statements.monthly-day", "5"),
                Map.entry("ardoise.statements.interval", "300ms"),
                Map.entry("ardoise.sender.max-attempts", "1000"),
                Map.entry("ardoise.sender.backoff-base", "200ms"),
                Map.entry("ardoise.sender.backoff-max", "1s"));
    }
}
