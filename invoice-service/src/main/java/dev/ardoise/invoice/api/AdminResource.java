package dev.ardoise.invoice.api;

import dev.ardoise.http.ManagerOnly;
import dev.ardoise.invoice.projection.Rebuild;
import dev.ardoise.invoice.projection.Reconciliation;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.sql.SQLException;

/** Operator commands, for a manager: rebuild the read models from the topic, check them against it. */
@Path("/admin")
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {
    private final Rebuild rebuild;
    private final Reconciliation reconciliation;

    AdminResource(Rebuild rebuild, Reconciliation reconciliation) {
        this.rebuild = rebuild;
        this.reconciliation = reconciliation;
    }

    @POST
    @Path("rebuild")
    @Operation(summary = "Start rebuilding every read model from account-events into fresh tables, switched in "
            + "when caught up; queries keep being answered. 202 with the rebuild's id; one at a time")
    public Response startRebuild(@HeaderParam(ManagerOnly.ROLE_HEADER) String role) {
        ManagerOnly.require(role);
        return Response.accepted(rebuild.start()).build();
    }

    @GET
    @Path("rebuild")
    @Operation(summary = "The progress of the last rebuild")
    public Rebuild.Progress rebuildProgress() {
        return rebuild.progress();
    }

    @POST
    @Path("reconciliation")
    @Operation(summary = "Recompute every account's balance from account-events and report where the read models "
            + "differ")
    public Reconciliation.Report reconcile(@HeaderParam(ManagerOnly.ROLE_HEADER) String role) throws SQLException {
        ManagerOnly.require(role);
        return reconciliation.run();
    }
}
