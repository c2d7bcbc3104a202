package dev.ardoise.console.backoffice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ardoise.console.services.ServiceAnswer;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.function.Supplier;

/**
 * A call to a service as an answer to show: its JSON, its refusal, or, when it cannot be reached or answers
 * something unreadable, a refusal of type {@value #UNREACHABLE} that the page words as such (never a 500 page).
 */
final class Calls {
    static final String UNREACHABLE = "service-unreachable";
    /** account-service's header on the answer to a command whose key had been used: nothing new was recorded. */
    static final String REPLAYED = "Idempotent-Replayed";
    private static final Logger LOG = Logger.getLogger(Calls.class);

    private Calls() {
    }

    /** An action's answer, and whether the service only answered the first outcome of the same key again. */
    record Acted(ServiceAnswer answer, boolean replayed) {
    }

    static ServiceAnswer answer(Supplier<RestResponse<JsonNode>> call) {
        return action(call).answer();
    }

    static Acted action(Supplier<RestResponse<JsonNode>> call) {
        try {
            RestResponse<JsonNode> response = call.get();
            return new Acted(ServiceAnswer.of(response), "true".equalsIgnoreCase(response.getHeaderString(REPLAYED)));
        } catch (ProcessingException | WebApplicationException e) {
            LOG.warnf("a service did not answer the back office: %s", e.getClass().getSimpleName());
            ObjectNode problem = JsonNodeFactory.instance.objectNode()
                    .put("type", "https://ardoise.dev/problems/" + UNREACHABLE).put("status", 503);
            return new Acted(new ServiceAnswer(503, problem), false);
        }
    }
}
