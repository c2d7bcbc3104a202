package dev.ardoise.console.operations;

import dev.ardoise.console.web.Refusal;
import dev.ardoise.console.services.NotificationService;
import dev.ardoise.console.services.ServiceCalls;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ardoise.console.services.ServiceAnswer;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.List;

/**
 * notification-service's failed emails and the operators' retries, with the operator's own token. A retried email
 * is read back among its account's emails (the service lists by account, not by id), to show its new status.
 */
@ApplicationScoped
public class Emails {
    static final String SERVICE = "notification-service";
    /** The failed emails a page shows; the service answers at most 500 a page. */
    static final int SHOWN = 100;
    /** An account's emails read to find a retried one (newest first: a retried email is rarely older). */
    static final int OF_AN_ACCOUNT = 500;

    private final NotificationService notifications;
    private final ObjectMapper json;

    /** An email as the page shows it. {@code recipient} is the customer's address: shown, never logged. */
    public record Email(String notificationId, String accountId, String invoiceNumber, String kind, String status,
                        String recipient, int attempts, String lastError, String retriedBy, String createdAt,
                        String sentAt, String periodFrom, String periodTo) {
        /** Taken up and not sent yet: the page follows it. */
        public boolean onItsWay() {
            return "PENDING".equals(status) || "SENDING".equals(status);
        }

        public String statusKey() {
            return "email_status_" + status;
        }

        public String kindKey() {
            return "email_kind_" + kind;
        }
    }

    /** The failed emails (the first page of them and how many there are), or why they could not be read. */
    public record Failed(List<Email> emails, long total, Refusal failure) {
    }

    Emails(@RestClient NotificationService notifications, ObjectMapper json) {
        this.notifications = notifications;
        this.json = json;
    }

    Failed failed() {
        ServiceAnswer answer = ServiceCalls.answer(() -> notifications.emails("FAILED", null, null, SHOWN));
        if (!answer.ok()) {
            return new Failed(List.of(), 0, Refusal.failed(SERVICE, answer));
        }
        return new Failed(emails(answer), answer.body().path("total").asLong(), null);
    }

    /** The email as it is now, found among its account's; null when it is not (or the service is away). */
    Email now(String notificationId, String accountId) {
        ServiceAnswer answer = ServiceCalls.answer(() -> notifications.emails(null, accountId, null,
                OF_AN_ACCOUNT));
        return answer.ok() ? emails(answer).stream().filter(email -> notificationId.equals(email.notificationId()))
                .findFirst().orElse(null) : null;
    }

    ServiceAnswer retry(String notificationId) {
        return ServiceCalls.answer(() -> notifications.retryEmail(notificationId));
    }

    ServiceAnswer retryAllFailed() {
        return ServiceCalls.answer(notifications::retryFailed);
    }

    private List<Email> emails(ServiceAnswer answer) {
        return json.convertValue(answer.body().path("items"), new TypeReference<List<Email>>() {
        });
    }
}
