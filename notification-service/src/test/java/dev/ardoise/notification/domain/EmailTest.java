package dev.ardoise.notification.domain;

import dev.ardoise.events.CommandVersions;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmailTest {
    private static final Instant NOW = Instant.parse("2026-12-02T15:00:00Z");
    private static final Instant LATER = NOW.plusSeconds(30);
    private static final CustomerContact CONSENTING =
            new CustomerContact("Claire Tremblay", "claire@example.test", true, "fr-CA", "CAD");
    private static final RetrySchedule TWO_ATTEMPTS =
            new RetrySchedule(2, Duration.ofSeconds(1), Duration.ofSeconds(1), () -> 0.0);

    @Test
    void a_sale_that_ends_its_command_is_due_at_once_to_the_customers_address() {
        Email email = Email.ofSale(CONSENTING, 4, new CommandVersions(4, 4), NOW);

        assertEquals(NotificationStatus.PENDING, email.status());
        assertEquals(NOW, email.nextAttemptAt());
        assertEquals("claire@example.test", email.recipient());
        assertFalse(email.awaitsCommand());
    }

    @Test
    void a_sale_followed_by_more_of_its_command_waits_until_the_commands_last_version_is_applied() {
        Email email = Email.ofSale(CONSENTING, 4, new CommandVersions(4, 6), NOW);

        assertEquals(NotificationStatus.PENDING, email.status());
        assertNull(email.nextAttemptAt());
        assertEquals(6L, email.awaitedVersion());

        Email afterFive = email.afterApplied(5, LATER);
        assertSame(email, afterFive);

        Email whole = afterFive.afterApplied(6, LATER);
        assertEquals(NotificationStatus.PENDING, whole.status());
        assertEquals(LATER, whole.nextAttemptAt());
        assertFalse(whole.awaitsCommand());
    }

    @Test
    void a_skipped_sale_does_not_wait_for_its_command() {
        CustomerContact withdrawn = CONSENTING.withConsent(false, null);

        Email email = Email.ofSale(withdrawn, 4, new CommandVersions(4, 5), NOW);

        assertEquals(NotificationStatus.SKIPPED, email.status());
        assertEquals(SkipReason.NO_CONSENT, email.reason());
        assertNull(email.recipient());
        assertFalse(email.awaitsCommand());
        assertSame(email, email.afterApplied(5, LATER));
    }

    @Test
    void an_account_never_opened_here_gets_nothing() {
        Email email = Email.decide(null, NOW);

        assertEquals(NotificationStatus.SKIPPED, email.status());
        assertEquals(SkipReason.NO_EMAIL, email.reason());
    }

    @Test
    void a_claim_counts_the_attempt_and_takes_the_address_as_it_is_now_then_sent_ends_it() {
        Email claimed = Email.decide(CONSENTING, NOW).claim("new@example.test", LATER);

        assertEquals(NotificationStatus.SENDING, claimed.status());
        assertEquals(1, claimed.attempts());
        assertEquals(LATER, claimed.claimedAt());
        assertEquals("new@example.test", claimed.recipient());

        Email sent = claimed.sent(LATER.plusSeconds(1));
        assertEquals(NotificationStatus.SENT, sent.status());
        assertEquals(LATER.plusSeconds(1), sent.sentAt());
        assertNull(sent.nextAttemptAt());
        assertNull(sent.lastError());
    }

    @Test
    void a_failure_is_tried_again_after_the_back_off_then_given_up_with_the_error_kept_short() {
        Email first = Email.decide(CONSENTING, NOW).claim("claire@example.test", NOW)
                .failed("x".repeat(5000), TWO_ATTEMPTS, NOW);

        assertEquals(NotificationStatus.PENDING, first.status());
        assertEquals(NOW.plusMillis(500), first.nextAttemptAt());
        assertEquals(Email.MAX_ERROR_LENGTH, first.lastError().length());

        Email second = first.claim("claire@example.test", LATER).failed("refused", TWO_ATTEMPTS, LATER);
        assertEquals(NotificationStatus.FAILED, second.status());
        assertNull(second.nextAttemptAt());
        assertEquals("refused", second.lastError());
    }

    @Test
    void only_a_failed_email_is_taken_up_again_with_a_fresh_round_of_attempts() {
        Email pending = Email.decide(CONSENTING, NOW);
        assertFalse(pending.retriable());
        assertThrows(IllegalStateException.class, () -> pending.retried(LATER));

        Email failed = pending.claim("claire@example.test", NOW).failed("down", TWO_ATTEMPTS, NOW)
                .claim("claire@example.test", NOW).failed("down", TWO_ATTEMPTS, NOW);
        assertTrue(failed.retriable());

        Email retried = failed.retried(LATER);
        assertEquals(NotificationStatus.PENDING, retried.status());
        assertEquals(0, retried.attempts());
        assertEquals(LATER, retried.nextAttemptAt());
    }

    @Test
    void withdrawn_consent_found_before_sending_skips_it_and_forgets_the_address() {
        Email skipped = Email.decide(CONSENTING, NOW).skip(SkipReason.NO_CONSENT);

        assertEquals(NotificationStatus.SKIPPED, skipped.status());
        assertEquals(SkipReason.NO_CONSENT, skipped.reason());
        assertNull(skipped.recipient());
        assertNull(skipped.nextAttemptAt());
    }
}
