package dev.ardoise.account.api;

import jakarta.ws.rs.HeaderParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The request's correlation id: not who the caller is (the token says that), only which request this is. */
public class Correlation {
    static final String HEADER = "X-Correlation-Id";

    @HeaderParam(HEADER)
    @Parameter(description = "the request's correlation id, carried by every event it records; made up when absent "
            + "and echoed in the answer")
    String id;
}
