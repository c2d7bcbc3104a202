package dev.ardoise.console.operations;

/** The reason an operator gives for a skip or a mark: recorded for good with their name, so it must say something. */
final class Reasons {
    /** As the services take it (their SkipRequest). */
    static final int LONGEST = 500;

    private Reasons() {
    }

    /** @throws InvalidField naming {@code reason} */
    static String checked(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidField("reason", "required: why, recorded with your name");
        }
        if (reason.strip().length() > LONGEST) {
            throw new InvalidField("reason", "at most " + LONGEST + " characters");
        }
        return reason.strip();
    }
}
