package dev.ardoise.events.reader;

/**
 * An operator's request to skip the event an account is parked at: which version (so that a skip meant for one
 * event never skips another) and why, recorded for good with the operator's name.
 */
public record SkipRequest(Long version, String reason) {
    public static final int LONGEST_REASON = 500;

    /** The field at fault and why, or null when the request can be carried out. */
    public Refusal refusal() {
        if (version == null) {
            return new Refusal("version", "required: the version the account is parked at");
        }
        if (version < 1) {
            return new Refusal("version", "must be 1 or more");
        }
        if (reason == null || reason.isBlank()) {
            return new Refusal("reason", "required: why the event may be left out, recorded with your name");
        }
        if (reason.length() > LONGEST_REASON) {
            return new Refusal("reason", "at most " + LONGEST_REASON + " characters");
        }
        return null;
    }

    public record Refusal(String field, String reason) {
    }
}
