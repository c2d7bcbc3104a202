package dev.ardoise.http;

import jakarta.ws.rs.core.Response;

/** The thing named in the path does not exist. */
public class NotFoundProblem extends ProblemException {

    public NotFoundProblem(String what, Object id) {
        super(Problem.of("not-found", what + " not found", Response.Status.NOT_FOUND, "no " + what + " " + id),
                "no " + what + " " + id);
    }
}
