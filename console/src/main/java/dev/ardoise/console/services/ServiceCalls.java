package dev.ardoise.console.services;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.function.Supplier;

/**
 * The console's one way of calling a service: its JSON, its refusal, or, when it cannot be reached or answers
 * something unreadable, a refusal of type {@value #UNREACHABLE} that the page words as such (never a 500 page,
 * never the exception's message: that is for the log, by its class only).
 */
public final class ServiceCalls {
    public static final String UNREACHABLE = "service-unreachable";
    /** account-service's header on the answer to a command whose key had been used: nothing new was recorded. */
    public static final String REPLAYED = "Idempotent-Replayed";
    private static final Logger LOG = Logger.getLogger(ServiceCalls.class);

    private ServiceCalls() {
    }

    /** An action's answer, and whether the service only answered the first outcome of the same key again. */
    public record Acted(ServiceAnswer answer, boolean replayed) {
    }

    public static ServiceAnswer answer(Supplier<RestResponse<JsonNode>> call) {
        return action(call).answer();
    }

    public static Acted action(Supplier<RestResponse<JsonNode>> call) {
        try {
            RestResponse<JsonNode> response = call.get();
            return new Acted(ServiceAnswer.of(response), "true".equalsIgnoreCase(response.getHeaderString(REPLAYED)));
        } catch (ProcessingException | WebApplicationException e) {
            return new Acted(unreachable(e), false);
        }
    }

    /** A file a service answered (a PDF) and its Content-Disposition; or, when not ok, the refusal. */
    public record Download(ServiceAnswer answer, byte[] content, String disposition) {
    }

    public static Download download(Supplier<RestResponse<byte[]>> call) {
        try {
            RestResponse<byte[]> response = call.get();
            if (response.getStatus() != 200 || response.getEntity() == null) {
                return new Download(ServiceAnswer.of(response), null, null);
            }
            return new Download(new ServiceAnswer(200, null), response.getEntity(),
                    response.getHeaderString("Content-Disposition"));
        } catch (ProcessingException | WebApplicationException e) {
            return new Download(unreachable(e), null, null);
        }
    }

    private static ServiceAnswer unreachable(RuntimeException e) {
        LOG.warnf("a service did not answer the console: %s", e.getClass().getSimpleName());
        ObjectNode problem = JsonNodeFactory.instance.objectNode()
                .put("type", "https://ardoise.dev/problems/" + UNREACHABLE).put("status", 503);
        return new ServiceAnswer(503, problem);
    }
}
