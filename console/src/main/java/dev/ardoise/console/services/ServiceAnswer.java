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
    private static final ObjectMapper PROBLEMS = new ObjectMapper();

    public static ServiceAnswer of(RestResponse<JsonNode> response) {
        return new ServiceAnswer(response.getStatus(), body(response));
    }

    /**
     * The client reads a success's JSON itself, but hands a refusal's body (application/problem+json, for which it
     * has no reader) over unread: it is read here; a body that is not JSON is no body.
     */
    private static JsonNode body(RestResponse<JsonNode> response) {
        Object entity = response.getEntity();
        if (entity instanceof InputStream unread) {
            try (unread) {
                return PROBLEMS.readTree(unread);
            } catch (IOException e) {
                return null;
            }
        }
        return (JsonNode) entity;
    }

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    /** A problem's member as text ({@code title}, {@code detail}, {@code field}, {@code available}...), or null. */
    public String problem(String member) {
        JsonNode value = body == null ? null : body.get(member);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** The sentence to show: the problem's detail, else its title, else the status. */
    public String refusal() {
        String detail = problem("detail");
        String title = problem("title");
        return detail != null ? detail : title != null ? title : "HTTP " + status;
    }
}
