package dev.ardoise.console.services;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jboss.resteasy.reactive.RestResponse;

import java.io.IOException;
import java.io.InputStream;

/**
 * What a service answered: its JSON on success, or its refusal (an RFC 9457 problem: title, detail, the field at
 * fault, the available amount of a declined charge...) to show the user as it is, never as a stack trace.
 */
public record ServiceAnswer(int status, JsonNode body) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static ServiceAnswer of(RestResponse<?> response) {
        return new ServiceAnswer(response.getStatus(), body(response));
    }

    /**
     * The JSON answered. A refusal's body is not read by the client (its default mapper is off): it is read here,
     * and a body that is not JSON (a proxy's error page) is none.
     */
    private static JsonNode body(RestResponse<?> response) {
        Object entity = response.getEntity();
        if (entity instanceof JsonNode json) {
            return json;
        }
        if (entity instanceof byte[] read) {
            try {
                return JSON.readTree(read);
            } catch (IOException notJson) {
                return null;
            }
        }
        if (entity instanceof InputStream unread) {
            try (unread) {
                return JSON.readTree(unread);
            } catch (IOException notJson) {
                return null;
            }
        }
        return null;
    }

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    /** A member of the JSON answered, as text ({@code outcome}, {@code accountId}...), or null. */
    public String member(String name) {
        JsonNode value = body == null ? null : body.get(name);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** A problem's member as text ({@code title}, {@code detail}, {@code field}, {@code available}...), or null. */
    public String problem(String member) {
        return ok() ? null : member(member);
    }

    /** Whether the service could not be reached or answered nothing readable ({@link ServiceCalls#UNREACHABLE}). */
    public boolean unreachable() {
        String type = problem("type");
        return type != null && type.endsWith("/" + ServiceCalls.UNREACHABLE);
    }

    /** The sentence to show: the problem's detail, else its title, else the status. */
    public String refusal() {
        String detail = problem("detail");
        String title = problem("title");
        return detail != null ? detail : title != null ? title : "HTTP " + status;
    }
}
