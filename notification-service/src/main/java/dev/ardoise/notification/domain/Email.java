package dev.ardoise.notification.domain;

import dev.ardoise.events.CommandVersions;

import java.time.Instant;

/**
 * Where one email (an invoice, a reminder or a statement) stands, and the rules that move it: decided (PENDING, or
 * SKIPPED and why), claimed by a sender (SENDING, the attempt counted), then SENT, or tried again after a back-off,
 * or given up (FAILED) until an operator takes it up again. An invoice email decided on a sale whose command
 * appended more events after it waits for them: it is due once the reader has applied the command's last version.
 *
 * @param recipient      kept only for an email that is to be sent
 * @param nextAttemptAt  when it is due; null when it is not to be sent, or waits for the rest of its command
 * @param awaitedVersion the account's version that completes the sale's command; null when nothing is awaited
 */
public record Email(NotificationStatus status, SkipReason reason, String recipient, int attempts, String lastError,
                    Instant nextAttemptAt, Instant claimedAt, Instant sentAt, Long awaitedVersion) {
    /** An SMTP server's answer is cut to this length before it is kept. */
    public static final int MAX_ERROR_LENGTH = 1000;

    /** Sent only to a customer with an email address and consent now; null for an account never opened here. */
    public static Email decide(CustomerContact contact, Instant now) {
        InvoiceDecision decision = InvoiceDecision.decide(contact);
        return decision.toSend()
                ? new Email(NotificationStatus.PENDING, null, contact.email(), 0, null, now, null, null, null)
                : new Email(NotificationStatus.SKIPPED, decision.reason(), null, 0, null, null, null, null, null);
    }

    /**
     * The invoice email of a sale read at {@code saleVersion}: decided with the consent the customer has then, and
     * due only once the rest of the sale's command (the deposit used at the till) has been applied, so that it
     * shows the account after the whole command.
     */
    public static Email ofSale(CustomerContact contact, long saleVersion, CommandVersions command, Instant now) {
        Email email = decide(contact, now);
        if (email.status != NotificationStatus.PENDING || command.endsAt(saleVersion)) {
            return email;
        }
        return new Email(email.status, null, email.recipient, 0, null, null, null, null, command.lastVersion());
    }

    public boolean awaitsCommand() {
        return awaitedVersion != null;
    }

    /** The reader applied the account's {@code version}: an email waiting for its command becomes due once whole. */
    public Email afterApplied(long version, Instant now) {
        if (awaitedVersion == null || version < awaitedVersion) {
            return this;
        }
        return new Email(status, reason, recipient, attempts, lastError, now, claimedAt, sentAt, null);
    }

    /** Withdrawn consent, no address any more, or a paid invoice, found right before sending: it does not leave. */
    public Email skip(SkipReason why) {
        return new Email(NotificationStatus.SKIPPED, why, null, attempts, lastError, null, null, sentAt, null);
    }

    /**
     * Recorded before sending, to the customer's address as it is now: a crash from here on leaves it SENDING. An
     * email waiting for its command is claimed only once the reader's position has reached it: it waits no more.
     */
    public Email claim(String address, Instant now) {
        return new Email(NotificationStatus.SENDING, null, address, attempts + 1, lastError, nextAttemptAt, now,
                sentAt, null);
    }

    public Email sent(Instant now) {
        return new Email(NotificationStatus.SENT, null, recipient, attempts, null, null, claimedAt, now, null);
    }

    /** Tried again after a back-off, or FAILED after the last attempt. */
    public Email failed(String error, RetrySchedule schedule, Instant now) {
        RetrySchedule.NextStep next = schedule.afterFailure(attempts, now);
        String kept = error == null || error.length() <= MAX_ERROR_LENGTH ? error
                : error.substring(0, MAX_ERROR_LENGTH);
        return new Email(next.status(), null, recipient, attempts, kept, next.nextAttemptAt(), claimedAt, sentAt,
                null);
    }

    /** Whether an operator may take it up again: only a FAILED email. */
    public boolean retriable() {
        return status == NotificationStatus.FAILED;
    }

    /** An operator takes a parked email up again: a fresh round of attempts, due now. */
    public Email retried(Instant now) {
        if (!retriable()) {
            throw new IllegalStateException("only a FAILED email is taken up again, not a " + status + " one");
        }
        return new Email(NotificationStatus.PENDING, null, recipient, 0, lastError, now, claimedAt, sentAt, null);
    }
}
