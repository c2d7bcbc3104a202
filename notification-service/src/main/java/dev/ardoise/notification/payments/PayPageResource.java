package dev.ardoise.notification.payments;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The pay page behind an email's payment link (docs/payments.md): no sign-in, the signed token is the key. HTML for
 * the customer, so not in the OpenAPI document of the bearer-token operations.
 */
@Path("/pay")
@PermitAll
public class PayPageResource {
    private final PayFlow flow;
    private final HtmlPages pages;

    PayPageResource(PayFlow flow, HtmlPages pages) {
        this.flow = flow;
        this.pages = pages;
    }

    @GET
    @Operation(hidden = true)
    public Uni<Response> page(@QueryParam("token") String token,
                              @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language) {
        return flow.show(token, language).map(this::answer);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Uni<Response> pay(@FormParam("token") String token,
                             @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language) {
        return flow.pay(token, language).map(this::answer);
    }

    @GET
    @Path("/return")
    @Operation(hidden = true)
    public Uni<Response> returned(@QueryParam("token") String token,
                                  @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language) {
        return flow.returned(token, language).map(this::answer);
    }

    private Response answer(PayAnswer answer) {
        if (answer instanceof PayAnswer.SeeOther seeOther) {
            return pages.seeOther(seeOther.location());
        }
        PayView view = ((PayAnswer.Page) answer).view();
        return pages.page("pay", view.language(), view.status(), view);
    }
}
