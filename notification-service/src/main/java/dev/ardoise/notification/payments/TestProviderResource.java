package dev.ardoise.notification.payments;

import dev.ardoise.notification.domain.CustomerLanguage;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.Optional;

/**
 * The test provider's pages ({@code PAYMENTS_PROVIDER=test}, the local stack only), each labelled "TEST PAYMENT
 * PROVIDER: no money moves". "Pay (test)" sends account-service the signed callback a provider would, then sends the
 * customer back to the pay page; "Cancel" goes back to it at once. 404 when the test provider is not the store's.
 */
@Path("/test-payment-provider/checkout/{session}")
@PermitAll
public class TestProviderResource {
    private final OnlinePayments payments;
    private final HtmlPages pages;

    TestProviderResource(OnlinePayments payments, HtmlPages pages) {
        this.payments = payments;
        this.pages = pages;
    }

    @GET
    @Operation(hidden = true)
    public Response checkout(@PathParam("session") String session) {
        return checkoutOf(session).map(checkout -> page(checkout, "checkout", session, null, 200))
                .orElseGet(this::unknown);
    }

    @POST
    @Path("/pay")
    @Operation(hidden = true)
    public Uni<Response> pay(@PathParam("session") String session) {
        Optional<Checkout> found = checkoutOf(session);
        if (found.isEmpty()) {
            return Uni.createFrom().item(unknown());
        }
        Checkout checkout = found.get();
        return payments.callbacks().send("tp_" + session, checkout)
                .map(status -> status == 200 ? pages.seeOther(checkout.returnUrl())
                        : page(checkout, "refused", session, status, 502))
                .onFailure().recoverWithItem(unreachable -> page(checkout, "refused", session, null, 502));
    }

    @POST
    @Path("/cancel")
    @Operation(hidden = true)
    public Response cancel(@PathParam("session") String session) {
        return checkoutOf(session).map(checkout -> pages.seeOther(checkout.cancelUrl()))
                .orElseGet(this::unknown);
    }

    private Optional<Checkout> checkoutOf(String session) {
        if (session == null || session.length() > 64) {
            return Optional.empty();
        }
        return payments.testProvider().flatMap(provider -> provider.session(session));
    }

    private Response page(Checkout checkout, String kind, String session, Integer status, int httpStatus) {
        CustomerLanguage language = checkout.customerLanguage();
        return pages.page("test-payment-provider", language.code(), httpStatus, new TestCheckoutView(kind,
                checkout.storeName(), checkout.invoiceNumber(), language.money(checkout.amount(), checkout.currency()),
                session, status));
    }

    private Response unknown() {
        return pages.page("test-payment-provider", "en", 404,
                new TestCheckoutView("unknown", null, null, null, null, null));
    }
}
