package dev.ardoise.notification.api;

import dev.ardoise.http.NotFoundProblem;
import dev.ardoise.http.Problem;
import dev.ardoise.http.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;

import java.util.UUID;

/**
 * How an answer made from invoice-service's statement (a preview, a PDF) fails when invoice-service does not give
 * it: an account it has not projected yet is one not found here too; anything else (unreachable, its own failure, a
 * refused token) is a 503 the caller may try again, its status kept out of the answer. Never a 500.
 */
final class StatementsRead {
    private static final Logger LOG = Logger.getLogger(StatementsRead.class);

    private StatementsRead() {
    }

    static <T> Uni<T> fromInvoiceService(Uni<T> answer, UUID account) {
        return answer.onFailure(StatementsRead::invoiceServiceFailed)
                .transform(failure -> unanswered(failure, account));
    }

    private static boolean invoiceServiceFailed(Throwable failure) {
        return failure instanceof ProcessingException || failure instanceof WebApplicationException;
    }

    private static Throwable unanswered(Throwable failure, UUID account) {
        if (failure instanceof WebApplicationException refused && refused.getResponse() != null
                && refused.getResponse().getStatus() == Response.Status.NOT_FOUND.getStatusCode()) {
            return new NotFoundProblem("account", account);
        }
        LOG.warnf("statement of account %s not read from invoice-service: %s", account, failure.toString());
        return new ProblemException(Problem.of("invoice-service-unavailable", "invoice-service unavailable", 503,
                "the statement could not be read from invoice-service; try again"), "invoice-service unavailable");
    }
}
