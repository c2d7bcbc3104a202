package dev.ardoise.events.reader;

/** The service's {@link BatchHandler}, or the database while writing what it changed, failed on a batch's events. */
final class BatchNotApplied extends RuntimeException {
    BatchNotApplied(int events, Throwable cause) {
        super("could not apply " + events + " events set-wise: " + FailureCause.describe(cause), cause);
    }
}
