package dev.ardoise.notification.api;

import dev.ardoise.notification.persistence.Notification;
import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import java.util.List;

@Path("/notifications")
@Produces(MediaType.APPLICATION_JSON)
public class NotificationResource {
    /** The most a list answers; narrow it with the filters. */
    static final int MAX_RESULTS = 500;

    @GET
    @WithSession
    @Operation(summary = "Invoice emails: sent, skipped (no email, no consent), pending, sending or failed, newest first")
    public Uni<List<NotificationView>> list(
            @Parameter(description = "the account (a UUID)") @QueryParam("accountId") String accountId,
            @Parameter(description = "the invoice") @QueryParam("invoiceId") String invoiceId,
            @Parameter(description = "PENDING, SENDING, SENT, SKIPPED or FAILED") @QueryParam("status") String status) {
        NotificationFilter filter = NotificationFilter.of(accountId, invoiceId, status);
        Sort newestFirst = Sort.descending("createdAt").and("id");
        PanacheQuery<Notification> query = filter.isEmpty()
                ? Notification.findAll(newestFirst)
                : Notification.find(filter.query(), newestFirst, filter.parameters());
        return query.range(0, MAX_RESULTS - 1).list()
                .map(rows -> rows.stream().map(NotificationView::of).toList());
    }
}
