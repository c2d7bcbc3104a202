package dev.ardoise.notification.payments;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ardoise.http.ProviderSignature;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

/**
 * What the test provider does when the customer pays: the callback a provider sends (docs/payments.md), written
 * with Jackson and signed with the {@link ProviderSignature} account-service verifies.
 */
class ProviderCallbackSender {
    private final ProviderCallbacks account;
    private final ProviderSignature signature;
    private final ObjectMapper json;

    ProviderCallbackSender(ProviderCallbacks account, ProviderSignature signature, ObjectMapper json) {
        this.account = account;
        this.signature = signature;
        this.json = json;
    }

    /** The callback's body, as account-service reads it. */
    record Callback(String paymentId, String accountId, String invoiceId, String amount, String currency) {
    }

    /** The status account-service answered the callback with; a failure when it could not be reached. */
    Uni<Integer> send(String paymentId, Checkout paid) {
        byte[] body = body(new Callback(paymentId, paid.accountId().toString(), paid.invoiceId(),
                paid.amount().toPlainString(), paid.currency()));
        return account.send(signature.headerNow(body), body)
                .map(ProviderCallbackSender::status)
                .onFailure(WebApplicationException.class)
                .recoverWithItem(refused -> status(((WebApplicationException) refused).getResponse()));
    }

    byte[] body(Callback callback) {
        try {
            return json.writeValueAsBytes(callback);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a callback of five strings is always written", e);
        }
    }

    private static int status(Response response) {
        try (response) {
            return response.getStatus();
        }
    }
}
