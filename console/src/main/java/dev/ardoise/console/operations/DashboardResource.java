package dev.ardoise.console.operations;

import dev.ardoise.console.web.InvalidInput;
import dev.ardoise.console.web.Refusal;
import dev.ardoise.console.services.EventTypes;
import dev.ardoise.console.signin.ConsoleUser;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.apache.kafka.common.GroupState;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * The operators' dashboard: the live feed of account-events (server-sent events), the rates and declines per minute
 * and the readers' lag (small JSON answers the page's script draws and refreshes).
 */
@Path("/operations")
@RolesAllowed(ConsoleUser.OPERATOR)
public class DashboardResource {
    /** The states a reader's consumer group can be in, each named in words on the page. */
    private static final List<GroupStateName> GROUP_STATES = Arrays.stream(GroupState.values())
            .map(state -> new GroupStateName(state.name())).toList();

    /** A consumer group's state, and the message that names it ({@code group_state_STABLE}). */
    public record GroupStateName(String name) {
        public String key() {
            return "group_state_" + name;
        }
    }

    private final Feed feed;
    private final Rates rates;
    private final Lag lag;
    private final JsonWebToken session;

    DashboardResource(Feed feed, Rates rates, Lag lag, JsonWebToken session) {
        this.feed = feed;
        this.rates = rates;
        this.lag = lag;
        this.session = session;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dashboard(FeedFilter filter, List<EventTypes.EventType> eventTypes,
                                                 List<GroupStateName> groupStates, Refusal refusal);
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response dashboard(@QueryParam("type") String type, @QueryParam("store") String store,
                              @QueryParam("account") String account) {
        try {
            FeedFilter filter = FeedFilter.of(type, store, account);
            return Response.ok(Templates.dashboard(filter, EventTypes.ALL, GROUP_STATES, null)).build();
        } catch (InvalidInput invalid) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.dashboard(FeedFilter.ALL, EventTypes.ALL, GROUP_STATES, Refusal.of(invalid)))
                    .build();
        }
    }

    /**
     * The feed as server-sent events: {@code status} ({@code {"reading":true}} once the console follows the topic),
     * then {@code account-event} events, the latest kept first, each with its event id; until the session ends.
     */
    @GET
    @Path("feed")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void follow(@QueryParam("type") String type, @QueryParam("store") String store,
                       @QueryParam("account") String account, @Context SseEventSink sink, @Context Sse sse) {
        FeedFilter filter;
        try {
            filter = FeedFilter.of(type, store, account);
        } catch (InvalidInput refusal) {
            throw refused(Response.Status.BAD_REQUEST, refusal.getMessage());
        }
        if (!feed.follow(filter, sink, sse, Instant.ofEpochSecond(session.getExpirationTime()))) {
            throw refused(Response.Status.SERVICE_UNAVAILABLE,
                    "as many browsers as allowed follow the feed of this console; try again later");
        }
    }

    @GET
    @Path("rates")
    @Produces(MediaType.APPLICATION_JSON)
    public Rates.View rates() {
        return rates.view(Instant.now());
    }

    @GET
    @Path("lag")
    @Produces(MediaType.APPLICATION_JSON)
    public Lag.View lag() {
        return lag.now();
    }

    private static WebApplicationException refused(Response.Status status, String why) {
        return new WebApplicationException(Response.status(status).type(MediaType.TEXT_PLAIN).entity(why).build());
    }
}
