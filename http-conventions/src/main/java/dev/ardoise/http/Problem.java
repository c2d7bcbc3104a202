package dev.ardoise.http;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An RFC 9457 problem detail: {@code type}, {@code title}, {@code status}, {@code detail}, plus members that
 * say more (the {@code field} at fault, the {@code available} amount of a declined charge...).
 */
public final class Problem {
    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType PROBLEM_JSON = MediaType.valueOf(MEDIA_TYPE);
    private static final String TYPE_BASE = "https://ardoise.dev/problems/";

    private final Map<String, Object> members = new LinkedHashMap<>();

    private Problem(String type, String title, int status, String detail) {
        members.put("type", TYPE_BASE + type);
        members.put("title", title);
        members.put("status", status);
        members.put("detail", detail);
    }

    /** @param type a short kebab-case slug, e.g. {@code charge-declined} */
    public static Problem of(String type, String title, Response.Status status, String detail) {
        return of(type, title, status.getStatusCode(), detail);
    }

    /** For the statuses JAX-RS has no constant for, such as 422 Unprocessable Content. */
    public static Problem of(String type, String title, int status, String detail) {
        return new Problem(type, title, status, detail);
    }

    public Problem with(String member, Object value) {
        members.put(member, value);
        return this;
    }

    /** The members, for an answer written outside JAX-RS (a Vert.x route). */
    Map<String, Object> members() {
        return Collections.unmodifiableMap(members);
    }

    public Response toResponse() {
        return Response.status((Integer) members.get("status")).type(PROBLEM_JSON).entity(members).build();
    }
}
