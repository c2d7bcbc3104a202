package dev.ardoise.events;

/** The record cannot be read as an account event: it belongs on a dead-letter topic, with this message. */
public class MalformedEventException extends RuntimeException {
    public MalformedEventException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
