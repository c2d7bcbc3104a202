package dev.ardoise.console.operations;

import dev.ardoise.console.web.Refusal;
import dev.ardoise.console.services.InvoiceService;
import dev.ardoise.console.services.ServiceCalls;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ardoise.console.services.ServiceAnswer;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.List;

/**
 * invoice-service's read models, with the operator's own token: a rebuild started and followed (it runs in
 * invoice-service; its progress is asked for again and again), and a reconciliation, answered once it has read the
 * whole topic.
 */
@ApplicationScoped
public class ReadModels {
    static final String SERVICE = "invoice-service";

    private final InvoiceService invoices;
    private final InvoiceReconciliation reconciliation;
    private final ObjectMapper json;

    /** Where the last rebuild stands (state NONE when there was none since invoice-service started). */
    public record Rebuild(String rebuildId, String state, String startedAt, String finishedAt, long recordsRead,
                          long malformedSkipped, int accounts, int parkedAccounts, int rounds, long elapsedMillis,
                          long eventsPerSecond, String error) {
        public boolean running() {
            return "FOLDING".equals(state) || "SWITCHING".equals(state);
        }

        public String stateKey() {
            return "rebuild_state_" + state;
        }
    }

    /** A rebuild's progress, or why it could not be read. */
    public record RebuildAnswer(Rebuild rebuild, Refusal failure) {
    }

    public record Difference(String accountId, String field, String expected, String actual) {
    }

    public record Skipped(String accountId, long version, String eventType, String reason, String skippedBy,
                          String skippedAt) {
    }

    public record Gap(String accountId, long foldedTo, long firstWaiting, int waiting) {
    }

    /** What a reconciliation found: every difference counted, the first ones listed per account and field. */
    public record Reconciliation(int accountsChecked, int batches, long differencesFound, List<Difference> differences,
                                 List<Skipped> skipped, List<Gap> gaps) {
    }

    public record ReconciliationAnswer(Reconciliation report, Refusal failure) {
    }

    ReadModels(@RestClient InvoiceService invoices, @RestClient InvoiceReconciliation reconciliation,
               ObjectMapper json) {
        this.invoices = invoices;
        this.reconciliation = reconciliation;
        this.json = json;
    }

    RebuildAnswer rebuild() {
        return rebuild(ServiceCalls.answer(invoices::rebuild));
    }

    RebuildAnswer startRebuild() {
        return rebuild(ServiceCalls.answer(invoices::startRebuild));
    }

    ReconciliationAnswer reconcile() {
        ServiceAnswer answer = ServiceCalls.answer(reconciliation::reconcile);
        return answer.ok() ? new ReconciliationAnswer(read(answer, Reconciliation.class), null)
                : new ReconciliationAnswer(null, Refusal.failed(SERVICE, answer));
    }

    private RebuildAnswer rebuild(ServiceAnswer answer) {
        return answer.ok() ? new RebuildAnswer(read(answer, Rebuild.class), null)
                : new RebuildAnswer(null, Refusal.failed(SERVICE, answer));
    }

    private <T> T read(ServiceAnswer answer, Class<T> type) {
        try {
            return json.treeToValue(answer.body(), type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(SERVICE + " answered what its API does not describe", e);
        }
    }
}
