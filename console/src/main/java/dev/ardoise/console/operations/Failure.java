package dev.ardoise.console.operations;

import dev.ardoise.console.services.ServiceAnswer;

/**
 * What went wrong elsewhere, shown as it is: who refused or failed ({@code invoice-service}, the broker), and their
 * reason, never a stack trace.
 */
public record Failure(String who, String detail) {

    static Failure of(String service, ServiceAnswer answer) {
        return new Failure(service, answer.unreachable() ? null : answer.refusal());
    }
}
