package dev.ardoise.invoice.api;

import dev.ardoise.http.security.Roles;
import dev.ardoise.invoice.projection.Rebuild;
import dev.ardoise.invoice.projection.Reconciliation;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.sql.SQLException;

/** Operator commands, across every store: rebuild the read models from the topic, check them against it. */
@Path("/admin")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.OPERATOR)
public class AdminResource {
    private final Rebuild rebuild;
    private final Reconciliation reconciliation;

    AdminResource(Rebuild rebuild, Reconciliation reconciliation) {
        this.rebuild = rebuild;
        this.reconciliation = reconciliation;
    }

    @POST
    @Path("rebuild")
    @Operation(operationId = "startRebuild",
            summary = "Start rebuilding every read model from account-events",
            description = "Folds the whole topic into fresh tables and switches them in when caught up; queries keep "
                    + "being answered. 202 with the rebuild's id and progress; one at a time (a second request "
                    + "answers the running one).")
    @APIResponse(responseCode = "202", description = "the rebuild started, or the one running",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Rebuild.Progress.class)))
    public Response startRebuild() {
        return Response.accepted(rebuild.start()).build();
    }

    @GET
    @Path("rebuild")
    @Operation(operationId = "getRebuildProgress", summary = "The progress of the last rebuild",
            description = "State (FOLDING, SWITCHING, DONE, FAILED), records read, accounts, rounds, speed, error.")
    public Rebuild.Progress rebuildProgress() {
        return rebuild.progress();
    }

    @POST
    @Path("reconciliation")
    @Operation(operationId = "reconcile",
            summary = "Recompute every account's balance from account-events and report where the read models "
                    + "differ",
            description = "Read-only: reads the topic from the beginning with a reader of its own and compares "
                    + "owed, deposit balance, held, credit limit and available, account by account.")
    public Reconciliation.Report reconcile() throws SQLException {
        return reconciliation.run();
    }
}
