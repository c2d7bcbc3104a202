package dev.ardoise.console.web;

import dev.ardoise.console.services.ServiceAnswer;
import dev.ardoise.console.services.ServiceCalls;

import java.util.Set;

/**
 * Why an action or a read was refused, as every page shows it in {@code #refusal} (the tag {@code refusal}): a
 * sentence in the page's language for the kind of refusal ({@code typeKey}), or who did not do it ({@code who}: a
 * service, the broker); the console's own reason ({@code reasonKey}) or the service's detail as it was given; the
 * field at fault and, when the problem has one, the amount available. The words are {@link RefusalMessages}.
 */
public record Refusal(String typeKey, String who, String reasonKey, String detail, String field, String available,
                      int status) {
    /** The problem types the services answer that the console words itself; others are "refused". */
    private static final Set<String> WORDED = Set.of("invalid-request", "charge-declined", "account-not-closable",
            "account-closed", "more-than-owed", "nothing-owed", "refund-over-invoice", "invoice-written-off",
            "insufficient-deposit-balance", "idempotency-key-reused", "account-busy", "not-found", "forbidden",
            "unauthenticated", "body-too-large", "period-not-ended", ServiceCalls.UNREACHABLE);
    private static final String TYPES = "https://ardoise.dev/problems/";

    /** The service's problem, worded by its type, its detail shown as it is. */
    public static Refusal of(ServiceAnswer answer) {
        String type = answer.problem("type");
        String slug = type != null && type.startsWith(TYPES) ? type.substring(TYPES.length()) : "";
        String key = WORDED.contains(slug) ? "refusal_" + slug.replace('-', '_') : "refusal_other";
        return new Refusal(key, null, null, answer.problem("detail"), answer.problem("field"),
                answer.problem("available"), badGateway(answer.status()));
    }

    /** The console's own refusal of a form field, before any call. */
    public static Refusal of(InvalidInput invalid) {
        return new Refusal("refusal_invalid_request", null, invalid.reasonKey(), null, invalid.field(), null, 400);
    }

    /** What {@code who} did not do, with their reason as they gave it (none when they did not answer). */
    public static Refusal failed(String who, ServiceAnswer answer) {
        return new Refusal(null, who, null, answer.unreachable() ? null : answer.refusal(), null, null,
                badGateway(answer.status()));
    }

    /** What {@code who} did not do and why; {@code detail} null when they did not answer. */
    public static Refusal failed(String who, String detail, int status) {
        return new Refusal(null, who, null, detail, null, null, status);
    }

    private static int badGateway(int status) {
        return status >= 500 ? 502 : status;
    }
}
