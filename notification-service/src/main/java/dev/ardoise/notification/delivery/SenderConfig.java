package dev.ardoise.notification.delivery;

import io.smallrye.config.ConfigMapping;

import java.time.Duration;

/** How the sender loop runs ({@code ardoise.sender.*}). */
@ConfigMapping(prefix = "ardoise.sender")
public interface SenderConfig {
    /** How often it looks for due emails. */
    Duration interval();

    /** How many emails it claims at once, and sends at most at the same time. */
    int batchSize();

    /** Attempts before an email is given up as FAILED. */
    int maxAttempts();

    Duration backoffBase();

    Duration backoffMax();

    /** A send that takes longer counts as failed. */
    Duration sendTimeout();

    /** A claim (SENDING) older than this was left by a crash and is taken again. */
    Duration sendingTimeout();
}
