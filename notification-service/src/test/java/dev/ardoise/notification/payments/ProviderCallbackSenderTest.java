package dev.ardoise.notification.payments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ardoise.http.ProviderSignature;
import dev.ardoise.notification.domain.CustomerLanguage;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The test provider's callback: the body account-service reads, signed as account-service verifies. */
class ProviderCallbackSenderTest {
    private static final String SECRET = "a-callback-secret-of-some-length";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final UUID ACCOUNT = UUID.fromString("6d1f3c52-0f1a-4b7e-9a51-2c0d5e6f7a81");

    private final AtomicReference<String> sentSignature = new AtomicReference<>();
    private final AtomicReference<byte[]> sentBody = new AtomicReference<>();

    private Checkout checkout(String invoiceId) {
        return new Checkout(ACCOUNT, invoiceId, "MAIN-000452", new BigDecimal("152.25"), "CAD", "Quincaillerie",
                CustomerLanguage.of("fr-CA"), URI.create("https://pay.example.test/pay/return?token=t"),
                URI.create("https://pay.example.test/pay?token=t"));
    }

    private ProviderCallbackSender answering(int status) {
        return new ProviderCallbackSender((signature, body) -> {
            sentSignature.set(signature);
            sentBody.set(body);
            Response response = Response.status(status).build();
            return status < 400 ? Uni.createFrom().item(response)
                    : Uni.createFrom().failure(new WebApplicationException(response));
        }, new ProviderSignature(SECRET, Clock.systemUTC()), JSON);
    }

    @Test
    void the_callback_carries_the_checkouts_payment_exactly_signed_for_account_service() throws IOException {
        int status = answering(200).send("tp_abc", checkout("inv-\"quoted\"-1")).await().indefinitely();

        JsonNode body = JSON.readTree(sentBody.get());
        assertEquals(200, status);
        assertEquals("tp_abc", body.path("paymentId").asText());
        assertEquals(ACCOUNT.toString(), body.path("accountId").asText());
        assertEquals("inv-\"quoted\"-1", body.path("invoiceId").asText(), "written as JSON, not cut");
        assertEquals("152.25", body.path("amount").asText());
        assertEquals("CAD", body.path("currency").asText());
        assertTrue(new ProviderSignature(SECRET, Clock.systemUTC()).verifies(sentSignature.get(), sentBody.get()));
    }

    @Test
    void a_refused_callback_answers_account_services_status() {
        assertEquals(401, answering(401).send("tp_abc", checkout("inv-1")).await().indefinitely());
    }
}
