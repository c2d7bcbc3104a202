package dev.ardoise.invoice.api;

import dev.ardoise.http.InvalidRequestException;
import dev.ardoise.http.NotFoundProblem;
import dev.ardoise.invoice.domain.InvoiceStatus;

import java.util.Optional;
import java.util.UUID;

/** Reads path and query parameters into clear problems rather than the framework's bare 404s. */
final class RequestParameters {

    private RequestParameters() {
    }

    /** An account id that is not a UUID names no account. */
    static UUID accountId(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new NotFoundProblem("account", value);
        }
    }

    static long minVersion(String value) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            long version = Long.parseLong(value.strip());
            if (version >= 0) {
                return version;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidRequestException("minVersion", "must be a whole number, 0 or more");
    }

    static Optional<InvoiceStatus> invoiceStatus(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        for (InvoiceStatus status : InvoiceStatus.values()) {
            if (status.name().equals(value.strip())) {
                return Optional.of(status);
            }
        }
        throw new InvalidRequestException("status", "must be one of OUTSTANDING, OVERDUE, PAID");
    }
}
