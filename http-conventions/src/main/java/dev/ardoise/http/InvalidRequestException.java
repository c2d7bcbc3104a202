package dev.ardoise.http;

import jakarta.ws.rs.core.Response;

/** A request a client must fix: names the field at fault and the reason. Always a 400, never a change of state. */
public class InvalidRequestException extends ProblemException {

    public InvalidRequestException(String field, String reason) {
        super(Problem.of("invalid-request", "Invalid request", Response.Status.BAD_REQUEST, field + ": " + reason)
                .with("field", field)
                .with("reason", reason), field + ": " + reason);
    }
}
