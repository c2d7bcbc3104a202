package dev.ardoise.notification.api;

import dev.ardoise.http.ManagerOnly;
import dev.ardoise.http.InvalidRequestException;
import dev.ardoise.http.NotFoundProblem;
import dev.ardoise.http.Problem;
import dev.ardoise.http.ProblemException;
import dev.ardoise.notification.domain.NotificationStatus;
import dev.ardoise.notification.persistence.Notification;
import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

@Path("/notifications")
@Produces(MediaType.APPLICATION_JSON)
public class NotificationResource {
    static final int DEFAULT_SIZE = 50;
    static final int MAX_SIZE = 500;

    private final Clock clock;

    NotificationResource(Clock clock) {
        this.clock = clock;
    }

    @GET
    @WithSession
    @Operation(summary = "Emails (invoices, reminders, statements): sent, skipped and why, pending, sending or "
            + "failed, newest first, a page at a time")
    public Uni<NotificationPage> list(
            @Parameter(description = "the account (a UUID)") @QueryParam("accountId") String accountId,
            @Parameter(description = "the invoice") @QueryParam("invoiceId") String invoiceId,
            @Parameter(description = "INVOICE, REMINDER or STATEMENT") @QueryParam("kind") String kind,
            @Parameter(description = "PENDING, SENDING, SENT, SKIPPED or FAILED") @QueryParam("status") String status,
            @Parameter(description = "from 0") @QueryParam("page") @DefaultValue("0") String page,
            @Parameter(description = "1 to 500, 50 by default") @QueryParam("size") String size) {
        NotificationFilter filter = NotificationFilter.of(accountId, invoiceId, kind, status);
        int pageIndex = number("page", page, 0, Integer.MAX_VALUE / MAX_SIZE, 0);
        int pageSize = number("size", size, 1, MAX_SIZE, DEFAULT_SIZE);
        Sort newestFirst = Sort.descending("createdAt").and("id");
        PanacheQuery<Notification> query = filter.isEmpty()
                ? Notification.findAll(newestFirst)
                : Notification.find(filter.query(), newestFirst, filter.parameters());
        return query.page(pageIndex, pageSize).list()
                .chain(rows -> query.count().map(total -> new NotificationPage(
                        rows.stream().map(NotificationView::of).toList(), pageIndex, pageSize, total)));
    }

    @POST
    @Path("/{notificationId}/retry")
    @WithTransaction
    @Operation(summary = "Take a FAILED email up again (manager): a fresh round of attempts")
    public Uni<NotificationView> retry(@PathParam("notificationId") String notificationId,
                                       @HeaderParam(ManagerOnly.ROLE_HEADER) String role) {
        ManagerOnly.require(role);
        UUID id = uuid(notificationId);
        return Notification.<Notification>findById(id).map(found -> {
            if (found == null) {
                throw new NotFoundProblem("notification", id);
            }
            if (!found.retry(clock.instant())) {
                throw new ProblemException(Problem.of("not-failed", "Only a failed email can be retried", 409,
                        "notification " + id + " is " + found.status).with("notificationStatus", found.status.name()),
                        "not failed");
            }
            return NotificationView.of(found);
        });
    }

    @POST
    @Path("/retry-failed")
    @WithTransaction
    @Operation(summary = "Take every FAILED email up again (manager)")
    public Uni<Map<String, Integer>> retryFailed(@HeaderParam(ManagerOnly.ROLE_HEADER) String role) {
        ManagerOnly.require(role);
        Instant now = clock.instant();
        return Notification.<Notification>list("status", NotificationStatus.FAILED)
                .map(failed -> {
                    failed.forEach(notification -> notification.retry(now));
                    return Map.of("retried", failed.size());
                });
    }

    static UUID uuid(String value) {
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("notificationId", "not a UUID: " + value);
        }
    }

    private static int number(String field, String value, int min, int max, int otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            int number = Integer.parseInt(value.trim());
            if (number < min || number > max) {
                throw new InvalidRequestException(field, "must be between " + min + " and " + max);
            }
            return number;
        } catch (NumberFormatException e) {
            throw new InvalidRequestException(field, "not a whole number: " + value);
        }
    }
}
