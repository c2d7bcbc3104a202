package dev.ardoise.console.backoffice;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The manager's forms on the account page. Each is rendered with a fresh idempotency key, except the form just
 * refused, which comes back with its key and what was typed: sending it again is the same request (the service
 * answers its first outcome, if the first one did go through after all), and nothing is typed twice.
 */
public final class ActionForm {
    private final String action;
    private final String key;
    private final Map<String, String> typed = new HashMap<>();

    private ActionForm(String action, String key) {
        this.action = action;
        this.key = key;
    }

    /** The forms of a page rendered afresh. */
    static ActionForm none() {
        return new ActionForm("", null);
    }

    /** The form of {@code action} as it was sent. */
    static ActionForm sent(String action, String key) {
        return new ActionForm(action, key);
    }

    ActionForm with(String field, String value) {
        if (value != null) {
            typed.put(field, value);
        }
        return this;
    }

    /** The key to render the form of {@code action} with: the one sent, when it is that form coming back. */
    public String key(String form) {
        return form.equals(action) && key != null ? key : UUID.randomUUID().toString();
    }

    /** What was typed in the field of the form of {@code action} coming back; empty otherwise. */
    public String value(String form, String field) {
        return form.equals(action) ? typed.getOrDefault(field, "") : "";
    }

    /** Whether the form coming back chose this value (a select's option). */
    public boolean chose(String form, String field, String value) {
        return value.equals(value(form, field));
    }
}
