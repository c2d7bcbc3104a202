package dev.ardoise.notification.payments;

import dev.ardoise.notification.domain.DueInvoice;
import dev.ardoise.notification.config.StoreConfig;
import dev.ardoise.notification.delivery.InvoiceServiceClient;
import dev.ardoise.notification.domain.CustomerLanguage;
import dev.ardoise.notification.domain.PaymentLinks.LinkCheck;
import dev.ardoise.notification.domain.Store;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import java.time.Clock;

/**
 * The pay page's three steps (docs/payments.md): show what is still due, hand the customer to the provider for it,
 * and welcome them back. Every step checks the link and asks invoice-service what is due now, never the token.
 */
@ApplicationScoped
class PayFlow {
    private static final Logger LOG = Logger.getLogger(PayFlow.class);

    private final OnlinePayments payments;
    private final InvoiceServiceClient invoices;
    private final Customers customers;
    private final Store store;
    private final Clock clock;

    PayFlow(OnlinePayments payments, @RestClient InvoiceServiceClient invoices, Customers customers, StoreConfig store,
            Clock clock) {
        this.payments = payments;
        this.invoices = invoices;
        this.customers = customers;
        this.store = store.store();
        this.clock = clock;
    }

    /** The form with the amount still due, or the page saying why not. */
    Uni<PayAnswer> show(String token, String acceptLanguage) {
        return linked(token, acceptLanguage, (linked, language) -> page(linked, language, token, "form"));
    }

    /** To the provider's checkout for the amount still due; the "paid" page when nothing is. */
    Uni<PayAnswer> pay(String token, String acceptLanguage) {
        return linked(token, acceptLanguage, (linked, language) -> {
            if (linked.invoice().nothingDue()) {
                return settled(linked, language, token);
            }
            DueInvoice invoice = linked.invoice();
            return new PayAnswer.SeeOther(payments.provider().checkout(new Checkout(linked.claim().accountId(),
                    invoice.invoiceId(), invoice.invoiceNumber(), invoice.owed(), invoice.currency(), store.name(),
                    language, payments.returnUrl(token), payments.payPage(token))));
        });
    }

    /** Back from the provider: thanks until invoice-service shows the payment, then the "paid" page. */
    Uni<PayAnswer> returned(String token, String acceptLanguage) {
        return linked(token, acceptLanguage, (linked, language) -> page(linked, language, token, "thanks"));
    }

    private PayAnswer page(LinkedInvoice linked, CustomerLanguage language, String token, String whileDue) {
        return linked.invoice().nothingDue() ? settled(linked, language, token)
                : new PayAnswer.Page(PayView.of(whileDue, language, store, linked, token));
    }

    private PayAnswer settled(LinkedInvoice linked, CustomerLanguage language, String token) {
        return new PayAnswer.Page(PayView.of(linked.invoice().writtenOff() ? "settled" : "paid", language, store,
                linked, token));
    }

    private interface Step {
        PayAnswer take(LinkedInvoice linked, CustomerLanguage language);
    }

    private Uni<PayAnswer> linked(String token, String acceptLanguage, Step step) {
        CustomerLanguage asked = CustomerLanguage.of(firstLanguage(acceptLanguage));
        if (!payments.enabled()) {
            return refusal("off", 404, asked);
        }
        LinkCheck check = payments.links().check(token, clock.instant());
        if (check instanceof LinkCheck.Expired expired) {
            return customers.of(expired.claim().accountId())
                    .map(customer -> refusalNow("expired", 410, customer.languageOr(asked)));
        }
        if (!(check instanceof LinkCheck.Genuine genuine)) {
            return refusal("not-valid", 400, asked);
        }
        var claim = genuine.claim();
        return customers.of(claim.accountId()).flatMap(customer -> {
            CustomerLanguage language = customer.languageOr(asked);
            return invoices.invoice(claim.invoiceId())
                    .map(invoice -> !claim.accountId().equals(invoice.accountId())
                            ? refusalNow("not-valid", 400, language)
                            : step.take(new LinkedInvoice(claim, invoice, customer.name()), language))
                    .onFailure().recoverWithItem(failure -> unanswered(failure, language));
        });
    }

    private PayAnswer unanswered(Throwable failure, CustomerLanguage language) {
        if (failure instanceof WebApplicationException answered && answered.getResponse().getStatus() == 404) {
            return refusalNow("not-found", 404, language);
        }
        LOG.warnf("the pay page could not read the invoice from invoice-service: %s",
                failure.getClass().getSimpleName());
        return refusalNow("unavailable", 503, language);
    }

    private Uni<PayAnswer> refusal(String kind, int status, CustomerLanguage language) {
        return Uni.createFrom().item(refusalNow(kind, status, language));
    }

    private PayAnswer refusalNow(String kind, int status, CustomerLanguage language) {
        return new PayAnswer.Page(PayView.refusal(kind, status, language, store));
    }

    private static String firstLanguage(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank() || acceptLanguage.length() > 200) {
            return null;
        }
        return acceptLanguage.split(",")[0].split(";")[0].strip();
    }
}
