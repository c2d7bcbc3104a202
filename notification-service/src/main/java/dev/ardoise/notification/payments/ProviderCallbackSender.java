package dev.ardoise.notification.payments;

import io.smallrye.mutiny.Uni;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;

/**
 * What the test provider does when the customer pays: the callback a provider sends, signed
 * {@code t=<epoch seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">} under the shared secret (docs/payments.md).
 */
class ProviderCallbackSender {
    static final String SIGNATURE = "Ardoise-Provider-Signature";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final URI callbackUrl;
    private final SecretKeySpec key;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    ProviderCallbackSender(URI callbackUrl, String secret, Clock clock) {
        this.callbackUrl = callbackUrl;
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.clock = clock;
    }

    /** The status account-service answered the callback with. */
    Uni<Integer> send(String paymentId, Checkout paid) {
        String body = "{\"paymentId\":\"" + paymentId + "\",\"accountId\":\"" + paid.accountId()
                + "\",\"invoiceId\":\"" + paid.invoiceId().replace("\"", "") + "\",\"amount\":\""
                + paid.amount().toPlainString() + "\",\"currency\":\"" + paid.currency() + "\"}";
        HttpRequest request = HttpRequest.newBuilder(callbackUrl).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header(SIGNATURE, header(clock.instant().getEpochSecond(), body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        return Uni.createFrom().completionStage(() -> http.sendAsync(request, HttpResponse.BodyHandlers.discarding()))
                .map(HttpResponse::statusCode);
    }

    String header(long signedAt, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] signature = mac.doFinal((signedAt + "." + body).getBytes(StandardCharsets.UTF_8));
            return "t=" + signedAt + ",v1=" + HexFormat.of().formatHex(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
