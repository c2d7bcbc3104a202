package dev.ardoise.console.operations;

import dev.ardoise.console.web.Refusal;
import dev.ardoise.console.services.AccountService;
import dev.ardoise.console.services.InvoiceService;
import dev.ardoise.console.services.NotificationService;
import dev.ardoise.console.services.ParkedAccountsApi;
import dev.ardoise.console.services.ServiceCalls;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ardoise.console.services.ServiceAnswer;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.List;

/**
 * The parked accounts and skipped events of the relay and both readers, and the operators' retries and skips, each
 * call with the operator's own token: the services decide.
 */
@ApplicationScoped
public class Parking {
    /** As many as a page shows per service; the services take 1 to 500. */
    static final int SHOWN = 100;
    static final int SKIPPED_SHOWN = 20;

    private final AccountService relay;
    private final InvoiceService invoices;
    private final NotificationService notifications;
    private final ObjectMapper json;

    /** A parked account, as all three services describe one ({@code triedAt}: the readers only). */
    public record ParkedAccount(String accountId, String storeId, long version, String eventType, String reason,
                                String parkedAt, String triedAt, long waiting) {
    }

    /** An event an operator skipped. */
    public record SkippedEvent(String accountId, long version, String eventType, String parkedReason, String reason,
                               String skippedBy, String skippedAt) {
    }

    /** One service's parked accounts and latest skips, or why they could not be read. */
    public record ServiceParking(ParkedService service, List<ParkedAccount> parked, List<SkippedEvent> skipped,
                                 Refusal failure) {
    }

    Parking(@RestClient AccountService relay, @RestClient InvoiceService invoices,
            @RestClient NotificationService notifications, ObjectMapper json) {
        this.relay = relay;
        this.invoices = invoices;
        this.notifications = notifications;
        this.json = json;
    }

    public List<ServiceParking> all() {
        return List.of(ParkedService.values()).stream().map(this::of).toList();
    }

    ServiceAnswer retry(ParkedService service, String accountId) {
        return ServiceCalls.answer(() -> api(service).retry(accountId));
    }

    ServiceAnswer skip(ParkedService service, String accountId, long version, String reason) {
        return ServiceCalls.answer(() -> api(service).skip(accountId, new ParkedAccountsApi.Skip(version, reason)));
    }

    private ServiceParking of(ParkedService service) {
        ServiceAnswer parked = ServiceCalls.answer(() -> api(service).parked(SHOWN));
        if (!parked.ok()) {
            return new ServiceParking(service, List.of(), List.of(), Refusal.failed(service.serviceName(), parked));
        }
        ServiceAnswer skipped = ServiceCalls.answer(() -> api(service).skipped(SKIPPED_SHOWN));
        return new ServiceParking(service, json.convertValue(parked.body(), new TypeReference<List<ParkedAccount>>() {
        }), skipped.ok() ? json.convertValue(skipped.body(), new TypeReference<List<SkippedEvent>>() {
        }) : List.of(), skipped.ok() ? null : Refusal.failed(service.serviceName(), skipped));
    }

    private ParkedAccountsApi api(ParkedService service) {
        return switch (service) {
            case RELAY -> relay;
            case INVOICES -> invoices;
            case NOTIFICATIONS -> notifications;
        };
    }
}
