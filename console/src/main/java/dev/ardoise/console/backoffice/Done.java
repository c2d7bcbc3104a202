package dev.ardoise.console.backoffice;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a manager's action did, named in the address the page comes back to after it ({@code ?done=payment}), so
 * that reloading the page shows it again without doing it again. Only these words are shown: an address can not
 * make the page say anything else.
 */
public enum Done {
    LIMIT_SET("limit-set"), PAYMENT("payment"), DEPOSIT("deposit"), REFUND("refund"), ADJUSTMENT("adjustment"),
    WRITE_OFF("write-off"), SUSPENDED("suspended"), REACTIVATED("reactivated"), CLOSED("closed"),
    INVOICE_RESENT("invoice-resent"), STATEMENT_SENT("statement-sent");

    private final String slug;

    Done(String slug) {
        this.slug = slug;
    }

    public String slug() {
        return slug;
    }

    /**
     * notification-service answers a resend under a key it already has, or a statement of a period already asked
     * for, with 200 and the email it recorded first, instead of 202 and a new one.
     */
    boolean answersAgainWith200() {
        return this == INVOICE_RESENT || this == STATEMENT_SENT;
    }

    /** Its sentence in the {@code bo} bundle. */
    public String key() {
        return "done_" + name().toLowerCase(java.util.Locale.ROOT);
    }

    static Optional<Done> of(String slug) {
        return Arrays.stream(values()).filter(done -> done.slug.equals(slug)).findFirst();
    }
}
