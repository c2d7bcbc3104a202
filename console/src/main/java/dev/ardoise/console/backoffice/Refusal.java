package dev.ardoise.console.backoffice;

import dev.ardoise.console.services.ServiceCalls;
import dev.ardoise.console.services.ServiceAnswer;

import java.util.Set;

/**
 * Why an action or a read was refused, as the page shows it in {@code #refusal}: a sentence in the page's language
 * for the kind of refusal ({@code typeKey}), the console's own reason ({@code reasonKey}) or the service's detail as
 * it was given, the field at fault and, when the problem has one, the amount available.
 */
public record Refusal(String typeKey, String reasonKey, String detail, String field, String available, int status) {
    /** The problem types the services answer that the back office words itself; others are "refused". */
    private static final Set<String> WORDED = Set.of("invalid-request", "charge-declined", "account-not-closable",
            "account-closed", "more-than-owed", "nothing-owed", "refund-over-invoice", "invoice-written-off",
            "insufficient-deposit-balance", "idempotency-key-reused", "account-busy", "not-found", "forbidden",
            "unauthenticated", "body-too-large", ServiceCalls.UNREACHABLE);
    private static final String TYPES = "https://ardoise.dev/problems/";

    /** The service's problem, shown as it is. */
    static Refusal of(ServiceAnswer answer) {
        String type = answer.problem("type");
        String slug = type != null && type.startsWith(TYPES) ? type.substring(TYPES.length()) : "";
        String key = WORDED.contains(slug) ? "refusal_" + slug.replace('-', '_') : "refusal_other";
        return new Refusal(key, null, answer.problem("detail"), answer.problem("field"),
                answer.problem("available"), answer.status() >= 500 ? 502 : answer.status());
    }

    /** The console's own refusal of a form field, before any call. */
    static Refusal of(InvalidInput invalid) {
        return new Refusal("refusal_invalid_request", invalid.reasonKey(), null, invalid.field(), null, 400);
    }
}
