package dev.ardoise.notification.api;

import dev.ardoise.http.InvalidRequestException;
import dev.ardoise.http.NextPage;
import dev.ardoise.http.NotFoundProblem;
import dev.ardoise.http.Problem;
import dev.ardoise.http.ProblemException;
import dev.ardoise.http.security.Caller;
import dev.ardoise.http.security.Roles;
import dev.ardoise.http.security.VerifiedCaller;
import dev.ardoise.notification.domain.NotificationStatus;
import dev.ardoise.notification.persistence.Notification;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The delivery log as the back office and operators read it, and the operators' retries of parked emails. */
@Path("/notifications")
@Produces(MediaType.APPLICATION_JSON)
public class NotificationResource {
    static final int DEFAULT_SIZE = 50;
    static final int MAX_SIZE = 500;

    private final Clock clock;
    private final VerifiedCaller callers;

    NotificationResource(Clock clock, VerifiedCaller callers) {
        this.clock = clock;
        this.callers = callers;
    }

    @GET
    @RolesAllowed({Roles.MANAGER, Roles.VIEWER, Roles.OPERATOR})
    @Operation(operationId = "listNotifications", summary = "List emails and what became of them",
            description = "Emails (invoices, reminders, statements) of the caller's stores' accounts (an operator "
                    + "sees every store): sent, skipped and why, pending, sending or failed, newest first, a page "
                    + "at a time. Another store's account has no notifications here. The page and its total are "
                    + "read from one snapshot: a page that holds the whole list has total items. The Link header "
                    + "names the next page.")
    @APIResponse(responseCode = "200", description = "a page of the emails",
            headers = @Header(name = NextPage.HEADER, description = "<...?page=n&size=m>; rel=\"next\" (the "
                    + "request's other parameters kept), on every page but the last",
                    schema = @Schema(type = SchemaType.STRING)))
    public Uni<RestResponse<NotificationPage>> list(
            @Parameter(description = "the account (a UUID)") @QueryParam("accountId") String accountId,
            @Parameter(description = "the invoice") @QueryParam("invoiceId") String invoiceId,
            @Parameter(description = "INVOICE, REMINDER or STATEMENT") @QueryParam("kind") String kind,
            @Parameter(description = "PENDING, SENDING, SENT, SKIPPED or FAILED") @QueryParam("status") String status,
            @Parameter(description = "from 0") @QueryParam("page") @DefaultValue("0") String page,
            @Parameter(description = "1 to 500, 50 by default") @QueryParam("size") String size,
            @Context UriInfo request) {
        Caller caller = callers.get();
        NotificationFilter filter = NotificationFilter.of(accountId, invoiceId, kind, status,
                caller.seesEveryStore() ? null : caller.stores());
        int pageIndex = number("page", page, 0, Integer.MAX_VALUE / MAX_SIZE, 0);
        int pageSize = number("size", size, 1, MAX_SIZE, DEFAULT_SIZE);
        if (filter.seesNothing()) {
            return Uni.createFrom().item(RestResponse.ok(new NotificationPage(List.of(), pageIndex, pageSize, 0)));
        }
        return NotificationPages.page(filter, pageIndex, pageSize).map(found -> {
            var answer = RestResponse.ResponseBuilder.ok(found);
            if (found.hasNext()) {
                answer.header(NextPage.HEADER, NextPage.link(request, "page", pageIndex + 1, "size",
                        pageSize));
            }
            return answer.build();
        });
    }

    @POST
    @Path("/{notificationId}/retry")
    @WithTransaction
    @RolesAllowed(Roles.OPERATOR)
    @Operation(operationId = "retryNotification", summary = "Take a parked email up again",
            description = "An operator takes a FAILED email up again: back to PENDING with a fresh round of "
                    + "attempts; the operator (token subject and role) is recorded as retriedBy. 409 when it is "
                    + "not FAILED.")
    public Uni<NotificationView> retry(@PathParam("notificationId") String notificationId) {
        Caller caller = callers.get();
        UUID id = uuid(notificationId);
        return Notification.<Notification>findById(id).map(found -> {
            if (found == null) {
                throw new NotFoundProblem("notification", id);
            }
            if (!found.retry(clock.instant(), caller.userId(), caller.mainRole())) {
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
    @RolesAllowed(Roles.OPERATOR)
    @Operation(operationId = "retryFailedNotifications", summary = "Take every parked email up again",
            description = "An operator takes every FAILED email, of every store, up again; each records the "
                    + "operator as retriedBy. Answers how many were retried.")
    public Uni<Map<String, Integer>> retryFailed() {
        Caller caller = callers.get();
        Instant now = clock.instant();
        return Notification.<Notification>list("status", NotificationStatus.FAILED)
                .map(failed -> {
                    failed.forEach(notification -> notification.retry(now, caller.userId(), caller.mainRole()));
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
