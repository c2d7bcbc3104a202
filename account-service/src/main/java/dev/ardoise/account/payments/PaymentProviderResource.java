package dev.ardoise.account.payments;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ardoise.account.application.CreditAccounts;
import dev.ardoise.http.InvalidRequestException;
import dev.ardoise.http.Problem;
import dev.ardoise.http.ProblemException;
import dev.ardoise.http.ProviderSignature;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.io.IOException;
import java.util.Map;
import java.util.UUID;

/**
 * {@code POST /payment-provider/callbacks} (docs/payments.md): the provider reports a payment. No bearer token: the
 * provider proves itself with {@code Ardoise-Provider-Signature} over the raw body. The body is never logged. Not in
 * the OpenAPI document, which lists the bearer-token operations of the role matrix; docs/payments.md is its contract.
 */
@Path("/payment-provider/callbacks")
@PermitAll
public class PaymentProviderResource {
    static final int MAX_BODY = 4096;

    private final SignedCallbacks callbacks;
    private final CreditAccounts accounts;
    private final ObjectMapper json;

    PaymentProviderResource(SignedCallbacks callbacks, CreditAccounts accounts, ObjectMapper json) {
        this.callbacks = callbacks;
        this.accounts = accounts;
        this.json = json;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Uni<Map<String, Object>> callback(@HeaderParam(ProviderSignature.HEADER) String signature, byte[] body) {
        if (!callbacks.enabled()) {
            throw new ProblemException(Problem.of("not-found", "Not Found", 404,
                    "this store takes no payments through a provider"), "no provider");
        }
        if (body != null && body.length > MAX_BODY) {
            throw new ProblemException(Problem.of("body-too-large", "Request body too large", 413,
                    "body: more than the " + MAX_BODY + " bytes a callback may have").with("field", "body")
                    .with("limit", MAX_BODY), "callback too large");
        }
        byte[] signed = body == null ? new byte[0] : body;
        if (!callbacks.signed(signature, signed)) {
            throw new ProblemException(Problem.of("unauthenticated", "Unauthenticated", 401, ProviderSignature.HEADER
                    + " is missing, does not sign this body, or is older than 5 minutes"), "unsigned callback");
        }
        ProviderCallback callback = read(signed);
        return accounts.receiveProviderPayment(callback.account(), callback.toCommand(callbacks.provider()),
                        callback.currencyCode(), callbacks.provider(), UUID.randomUUID().toString())
                .map(done -> Map.of("paymentId", callback.paymentId().strip(), "recorded", true));
    }

    private ProviderCallback read(byte[] body) {
        try {
            ProviderCallback callback = json.readValue(body, ProviderCallback.class);
            if (callback == null) {
                throw new InvalidRequestException("body", "is required");
            }
            return callback;
        } catch (JsonMappingException e) {
            String field = e.getPath().isEmpty() || e.getPath().get(0).getFieldName() == null ? "body"
                    : e.getPath().get(0).getFieldName();
            throw new InvalidRequestException(field, "cannot be read");
        } catch (JsonProcessingException e) {
            throw new InvalidRequestException("body", "is not a callback: malformed JSON");
        } catch (IOException e) {
            throw new InvalidRequestException("body", "cannot be read");
        }
    }
}
