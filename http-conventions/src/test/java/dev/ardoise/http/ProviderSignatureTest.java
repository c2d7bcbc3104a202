package dev.ardoise.http;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProviderSignatureTest {
    private static final Instant NOW = Instant.parse("2026-12-02T15:00:00Z");
    private static final String SECRET = "the-provider-shared-secret";
    private static final byte[] BODY = ("{\"paymentId\":\"tp_1\",\"accountId\":\"6d1f\",\"invoiceId\":\"8b7c\","
            + "\"amount\":\"452.25\",\"currency\":\"CAD\"}").getBytes(StandardCharsets.UTF_8);
    private final ProviderSignature signature = new ProviderSignature(SECRET, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void the_providers_signature_of_this_body_now_verifies() {
        assertTrue(signature.verifies(signature.header(NOW.getEpochSecond(), BODY), BODY));
    }

    @Test
    void a_signature_up_to_five_minutes_old_verifies_and_one_a_second_older_does_not() {
        long fiveMinutesAgo = NOW.minusSeconds(300).getEpochSecond();

        assertTrue(signature.verifies(signature.header(fiveMinutesAgo, BODY), BODY));
        assertFalse(signature.verifies(signature.header(fiveMinutesAgo - 1, BODY), BODY));
        assertFalse(signature.verifies(signature.header(NOW.plusSeconds(301).getEpochSecond(), BODY), BODY));
    }

    @Test
    void a_body_changed_after_signing_does_not_verify() {
        String header = signature.header(NOW.getEpochSecond(), BODY);
        byte[] changed = new String(BODY, StandardCharsets.UTF_8).replace("452.25", "1.00")
                .getBytes(StandardCharsets.UTF_8);

        assertFalse(signature.verifies(header, changed));
    }

    @Test
    void another_secret_or_a_moved_time_does_not_verify() {
        String foreign = new ProviderSignature("not-the-shared-secret", Clock.fixed(NOW, ZoneOffset.UTC))
                .header(NOW.getEpochSecond(), BODY);
        String header = signature.header(NOW.getEpochSecond(), BODY);
        String movedTime = header.replace("t=" + NOW.getEpochSecond(), "t=" + (NOW.getEpochSecond() - 1));

        assertFalse(signature.verifies(foreign, BODY));
        assertFalse(signature.verifies(movedTime, BODY));
    }

    @Test
    void a_missing_or_malformed_header_does_not_verify() {
        assertFalse(signature.verifies(null, BODY));
        assertFalse(signature.verifies("", BODY));
        assertFalse(signature.verifies("t=abc,v1=00", BODY));
        assertFalse(signature.verifies("t=" + NOW.getEpochSecond(), BODY));
        assertFalse(signature.verifies("t=" + NOW.getEpochSecond() + ",v1=zz", BODY));
        assertFalse(signature.verifies("v1=" + "ab".repeat(200), BODY));
    }

    @Test
    void the_header_signed_now_is_the_header_at_the_clocks_time() {
        assertEquals(signature.header(NOW.getEpochSecond(), BODY), signature.headerNow(BODY));
        assertTrue(signature.headerNow(BODY).startsWith("t=" + NOW.getEpochSecond() + ",v1="));
    }

    @Test
    void a_short_secret_is_refused_at_start() {
        assertThrows(IllegalArgumentException.class, () -> new ProviderSignature("short", Clock.systemUTC()));
    }
}
