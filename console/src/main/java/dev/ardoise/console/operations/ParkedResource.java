package dev.ardoise.console.operations;

import dev.ardoise.console.web.FormInput;
import dev.ardoise.console.web.InvalidInput;
import dev.ardoise.console.web.Refusal;
import dev.ardoise.console.services.ServiceAnswer;
import dev.ardoise.console.signin.ConsoleUser;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import java.util.List;
import java.util.Set;

/**
 * The accounts the relay and the readers parked, and the events operators skipped; a retry, or a skip with a reason.
 * After an action the page comes back (post, redirect, get) saying what the service did.
 */
@Path("/operations/parked")
@RolesAllowed(ConsoleUser.OPERATOR)
@Produces(MediaType.TEXT_HTML)
public class ParkedResource {
    /** What a service answers a retry or a skip with: the readers' outcomes, and the relay's (unparked). */
    private static final Set<String> OUTCOMES = Set.of("APPLIED", "STILL_PARKED", "SKIPPED", "UNPARKED");

    private final Parking parking;

    ParkedResource(Parking parking) {
        this.parking = parking;
    }

    /** What was done, as the redirect after an action says it. */
    public record Done(ParkedService service, String accountId, String outcome) {
        public String outcomeKey() {
            return "parked_outcome_" + outcome.toLowerCase();
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance parked(List<Parking.ServiceParking> services, Done done, Refusal refusal);
    }

    @GET
    public TemplateInstance list(@QueryParam("service") String service, @QueryParam("account") String account,
                                 @QueryParam("outcome") String outcome) {
        Done done = ParkedService.of(service).filter(any -> OUTCOMES.contains(outcome) && FormInput.isUuid(account))
                .map(known -> new Done(known, account, outcome)).orElse(null);
        return Templates.parked(parking.all(), done, null);
    }

    @POST
    @Path("{service}/{accountId}/retry")
    public Response retry(@PathParam("service") String service, @PathParam("accountId") String accountId) {
        ParkedService parker = parker(service);
        try {
            return answered(parker, accountId(accountId), parking.retry(parker, accountId), "UNPARKED");
        } catch (InvalidInput invalid) {
            return page(400, Refusal.of(invalid));
        }
    }

    @POST
    @Path("{service}/{accountId}/skip")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response skip(@PathParam("service") String service, @PathParam("accountId") String accountId,
                         @FormParam("version") String version, @FormParam("reason") String reason) {
        ParkedService parker = parker(service);
        try {
            String account = accountId(accountId);
            long at = FormInput.whole("version", version, Long.MAX_VALUE);
            if (at < 1) {
                throw new InvalidInput("version", "invalid_version");
            }
            return answered(parker, account, parking.skip(parker, account, at, FormInput.reason(reason)), "SKIPPED");
        } catch (InvalidInput invalid) {
            return page(400, Refusal.of(invalid));
        }
    }

    /** Back to the page saying what the service did, or the page with its refusal. */
    private Response answered(ParkedService service, String accountId, ServiceAnswer answer, String otherwise) {
        if (!answer.ok()) {
            return page(answer.status(), Refusal.failed(service.serviceName(), answer));
        }
        String outcome = answer.member("outcome");
        return Response.seeOther(UriBuilder.fromPath("/operations/parked").queryParam("service", service.path())
                .queryParam("account", accountId)
                .queryParam("outcome", OUTCOMES.contains(outcome) ? outcome : otherwise).build()).build();
    }

    private Response page(int status, Refusal refusal) {
        return Response.status(status).entity(Templates.parked(parking.all(), null, refusal)).build();
    }

    private static ParkedService parker(String service) {
        return ParkedService.of(service).orElseThrow(NotFoundException::new);
    }

    private static String accountId(String value) {
        if (!FormInput.isUuid(value)) {
            throw new InvalidInput("account", "invalid_account");
        }
        return value;
    }
}
