package dev.ardoise.console.operations;

import dev.ardoise.console.web.Refusal;
import dev.ardoise.console.signin.ConsoleUser;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;

/**
 * invoice-service's read models: start a rebuild and follow it (the page's script asks for the page again while it
 * runs), run a reconciliation and read its report, shown in the answer to the form (it changes nothing: sending it
 * again only checks again).
 */
@Path("/operations/read-models")
@RolesAllowed(ConsoleUser.OPERATOR)
@Produces(MediaType.TEXT_HTML)
public class ReadModelsResource {
    private final ReadModels readModels;

    ReadModelsResource(ReadModels readModels) {
        this.readModels = readModels;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance readModels(ReadModels.RebuildAnswer rebuild,
                                                  ReadModels.ReconciliationAnswer reconciliation, Refusal failure);
    }

    @GET
    public TemplateInstance page() {
        return Templates.readModels(readModels.rebuild(), null, null);
    }

    @POST
    @Path("rebuild")
    public Response startRebuild() {
        ReadModels.RebuildAnswer started = readModels.startRebuild();
        if (started.failure() != null) {
            return Response.status(Response.Status.BAD_GATEWAY)
                    .entity(Templates.readModels(readModels.rebuild(), null, started.failure())).build();
        }
        return Response.seeOther(URI.create("/operations/read-models")).build();
    }

    @POST
    @Path("reconciliation")
    public TemplateInstance reconcile() {
        return Templates.readModels(readModels.rebuild(), readModels.reconcile(), null);
    }
}
