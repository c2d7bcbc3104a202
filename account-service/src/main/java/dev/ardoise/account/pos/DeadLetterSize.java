package dev.ardoise.account.pos;

import org.apache.kafka.common.header.Header;

import java.nio.charset.StandardCharsets;

/**
 * Whether a pos-sales record can be copied to {@code pos-sales.dlq}. The copy is the record as read, its value
 * encoded again as UTF-8 (each byte that was not UTF-8 comes back as three: 400 kB of garbage become 1.2 MB), plus
 * the dead-letter headers. Past the dead-letter producer's {@code max.request.size} (Kafka's default, 1 MiB) it
 * cannot be sent, and a dead letter that cannot be sent stops the whole pos-sales channel: every register's sales.
 */
final class DeadLetterSize {
    /** Kafka's 1 MiB less room for the dead-letter headers, whose reason is a short sentence. */
    static final int MOST_BYTES = 1_000_000;

    private DeadLetterSize() {
    }

    static boolean fits(String key, String value, Iterable<Header> headers) {
        long size = utf8Length(key) + utf8Length(value);
        for (Header header : headers) {
            size += utf8Length(header.key()) + (header.value() == null ? 0 : header.value().length);
        }
        return size <= MOST_BYTES;
    }

    private static long utf8Length(String text) {
        if (text == null) {
            return 0;
        }
        // at most 3 bytes a char: a short text needs no counting
        return text.length() * 3L <= MOST_BYTES ? text.length() : text.getBytes(StandardCharsets.UTF_8).length;
    }
}
