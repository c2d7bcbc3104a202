package dev.ardoise.console.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.ardoise.console.services.ServiceAnswer;
import jakarta.ws.rs.ProcessingException;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.function.Supplier;

/**
 * A call to a service as the operators' pages make it: its answer (JSON, or its refusal), or, when the service
 * cannot be reached, a 503 that says which one, so that the page says so instead of failing.
 */
final class ServiceCalls {
    static final int UNREACHABLE = 503;

    private ServiceCalls() {
    }

    static ServiceAnswer call(String service, Supplier<RestResponse<JsonNode>> call) {
        try {
            return ServiceAnswer.of(call.get());
        } catch (ProcessingException e) {
            return new ServiceAnswer(UNREACHABLE, JsonNodeFactory.instance.objectNode()
                    .put("title", "Service unreachable")
                    .put("detail", service + " could not be reached: " + e.getMessage()));
        }
    }
}
