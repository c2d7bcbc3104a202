package dev.ardoise.account.api;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import java.util.Map;

/**
 * Documents the problem+json answers of every operation in /q/openapi, so they need not be repeated on each
 * method: 401 without a valid token, 403 for a role the operation does not allow, 400 for bad input, 404 for an
 * unknown account (or another store's), 413, 409 and 422 for commands.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ProblemResponsesFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach(this::document);
    }

    private void document(String path, PathItem item) {
        // an operator's /admin action names an account but is not one of its commands: it declares its own answers
        boolean account = path.contains("{accountId}") && !path.startsWith("/admin/");
        for (Map.Entry<PathItem.HttpMethod, Operation> entry : item.getOperations().entrySet()) {
            Operation operation = entry.getValue();
            boolean command = entry.getKey() != PathItem.HttpMethod.GET;
            add(operation, "401", "unauthenticated: no bearer token, or one that is expired, not signed by the "
                    + "configured issuer, or not meant for Ardoise");
            add(operation, "403", "forbidden: the roles in the token may not do this (docs/security.md)");
            add(operation, "400", "invalid-request: a field (named in `field`) is missing or wrong");
            if (account) {
                add(operation, "404", "not-found: no such account in the caller's stores");
            }
            if (command) {
                add(operation, "413", "body-too-large: the body (`field` body) is larger than the service accepts "
                        + "(`limit`, in bytes; HTTP_MAX_BODY_SIZE)");
            }
            if (command && account) {
                add(operation, "409", "idempotency-key-reused (the key, in `key`, was used for another request) "
                        + "or account-busy (send again)");
                add(operation, "422", "charge-declined (`reason`, `available`) or a refusal of the account's state "
                        + "(account-closed, insufficient-deposit-balance, more-than-owed, refund-over-invoice, "
                        + "invoice-written-off, nothing-owed, hold-ended, account-not-closable)");
            }
        }
    }

    private static void add(Operation operation, String status, String description) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponse response = operation.getResponses().getAPIResponse(status);
        if (response == null) {
            response = OASFactory.createAPIResponse().description(description);
            operation.getResponses().addAPIResponse(status, response);
        }
        if (response.getContent() == null) {
            response.setContent(OASFactory.createContent());
        }
        if (response.getContent().getMediaType("application/problem+json") == null) {
            Schema schema = OASFactory.createSchema().ref("#/components/schemas/ProblemDocument");
            response.getContent().addMediaType("application/problem+json", OASFactory.createMediaType().schema(schema));
        }
    }
}
