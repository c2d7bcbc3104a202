package dev.ardoise.events.reader;

/** The service's handler, or the database while writing what it changed, failed on this event. */
final class EventNotApplied extends RuntimeException {
    private final transient StreamEvent event;

    EventNotApplied(StreamEvent event, Throwable cause) {
        super("could not apply " + event + ": " + FailureCause.describe(cause), cause);
        this.event = event;
    }

    StreamEvent event() {
        return event;
    }
}
