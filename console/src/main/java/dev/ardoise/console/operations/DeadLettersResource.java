package dev.ardoise.console.operations;

import dev.ardoise.console.web.FormInput;
import dev.ardoise.console.web.InvalidInput;
import dev.ardoise.console.web.Refusal;
import dev.ardoise.console.signin.ConsoleUser;
import dev.ardoise.console.signin.SignedIn;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.apache.kafka.common.KafkaException;
import org.jboss.logging.Logger;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The dead-letter topics' newest records, and an operator's mark that one is handled, with a reason. */
@Path("/operations/dead-letters")
@RolesAllowed(ConsoleUser.OPERATOR)
@Produces(MediaType.TEXT_HTML)
public class DeadLettersResource {
    private static final Logger LOG = Logger.getLogger(DeadLettersResource.class);

    private final DeadLetters deadLetters;
    private final HandledDeadLetters handled;
    private final SignedIn signedIn;

    DeadLettersResource(DeadLetters deadLetters, HandledDeadLetters handled, SignedIn signedIn) {
        this.deadLetters = deadLetters;
        this.handled = handled;
        this.signedIn = signedIn;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance deadLetters(List<DeadLetters.TopicLetters> topics,
                                                   HandledDeadLetters.Handling done, Refusal refusal);
    }

    @GET
    public TemplateInstance list(@QueryParam("handled") String handledKey) {
        HandledDeadLetters.Handling done = handledKey == null ? null : handled.of(handledKey);
        return Templates.deadLetters(deadLetters.newest(), done, null);
    }

    @POST
    @Path("skip")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response markHandled(@FormParam("topic") String topic, @FormParam("partition") String partition,
                                @FormParam("offset") String offset, @FormParam("reason") String reason) {
        try {
            HandledDeadLetters.Handling marked = deadLetters.markHandled(topic,
                    (int) FormInput.whole("partition", partition, Integer.MAX_VALUE),
                    FormInput.whole("offset", offset, Long.MAX_VALUE), signedIn.user().name(), FormInput.reason(reason));
            return Response.seeOther(URI.create("/operations/dead-letters?handled="
                    + URLEncoder.encode(marked.key(), StandardCharsets.UTF_8))).build();
        } catch (InvalidInput invalid) {
            return page(Response.Status.BAD_REQUEST, Refusal.of(invalid));
        } catch (KafkaException | IllegalStateException brokerAway) {
            LOG.warnf("a dead letter could not be marked handled (%s)", brokerAway.getClass().getSimpleName());
            return page(Response.Status.SERVICE_UNAVAILABLE, Refusal.failed("Kafka", null, 503));
        }
    }

    private Response page(Response.Status status, Refusal refusal) {
        return Response.status(status).entity(Templates.deadLetters(deadLetters.newest(), null, refusal))
                .build();
    }
}
