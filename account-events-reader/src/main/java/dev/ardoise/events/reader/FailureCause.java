package dev.ardoise.events.reader;

import io.vertx.core.VertxException;
import io.vertx.sqlclient.DatabaseException;
import org.hibernate.JDBCException;

import java.io.IOException;
import java.sql.SQLException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * Whose fault a failure to apply is. The event's own (PostgreSQL refused what it changes: a data exception,
 * SQL state class 22, or an integrity constraint, class 23; or the service's handler threw on it) follows the
 * event wherever it goes, so its account is parked after a few tries. Anything else is nobody's fault (the database
 * unreachable, overloaded or restarting, a deadlock, the service stopping, a missing table after a bad deployment):
 * it would fail every account alike, so the reader waits and tries again, and parks nothing.
 */
enum FailureCause {
    THE_EVENT, NOBODY;

    static final int LONGEST_REASON = 500;

    static FailureCause of(Throwable failure) {
        if (!(failure instanceof EventNotApplied || failure instanceof BatchNotApplied)) {
            return NOBODY;
        }
        for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
            String state = sqlState(cause);
            if (state != null) {
                return state.startsWith("22") || state.startsWith("23") ? THE_EVENT : NOBODY;
            }
            if (isAbout(cause)) {
                return NOBODY;
            }
        }
        return THE_EVENT;
    }

    /**
     * Why, in a line of at most {@value #LONGEST_REASON} characters: the database's own message with its SQL state
     * (the innermost, without the statement a wrapper adds), or else the innermost exception's.
     */
    static String describe(Throwable failure) {
        Throwable telling = failure;
        Throwable fromDatabase = null;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            telling = cause;
            if (sqlState(cause) != null) {
                fromDatabase = cause;
            }
        }
        String reason = fromDatabase != null ? "SQL state " + sqlState(fromDatabase) + ": " + fromDatabase.getMessage()
                : telling.getClass().getSimpleName() + ": " + telling.getMessage();
        return reason.length() <= LONGEST_REASON ? reason : reason.substring(0, LONGEST_REASON - 1) + "…";
    }

    /** The connection, the pool or the service itself: not about any event. */
    private static boolean isAbout(Throwable cause) {
        return cause instanceof IOException || cause instanceof TimeoutException
                || cause instanceof CancellationException || cause instanceof RejectedExecutionException
                || cause instanceof VertxException
                || cause.getClass().getName().equals("io.vertx.core.impl.NoStackTraceThrowable");
    }

    private static String sqlState(Throwable cause) {
        if (cause instanceof DatabaseException database) {
            return database.getSqlState();
        }
        if (cause instanceof JDBCException jdbc) {
            return jdbc.getSQLState();
        }
        return cause instanceof SQLException sql ? sql.getSQLState() : null;
    }
}
