package dev.ardoise.events.reader;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An account whose later events arrived but not the version after its last applied one: they wait in
 * {@code parked_event}, in order, with no {@code parked_account} row. Usually for a moment (the version is on its
 * way); for good when account-service's relay operator skipped that version, until a reader's operator skips it
 * too ({@link ParkedAccounts#skip}).
 *
 * @param missing the version it waits for: its last applied one + 1
 * @param since   when the oldest of its waiting events arrived
 * @param waiting how many of its events wait
 */
record WaitingAccount(UUID accountId, long missing, Instant since, long waiting) {
    private static final String WAITING = "from ParkedEvent e left join ReaderPosition p on p.accountId = e.accountId "
            + "where e.version > coalesce(p.lastVersion, 0) + 1 "
            + "and not exists (from ParkedAccount a where a.accountId = e.accountId)";

    static String reason(long missing) {
        return "version " + missing + " never arrived (skipped by the relay's operator, or not yet published)";
    }

    /** The accounts waiting the longest first; at most {@code limit}. */
    static Uni<List<WaitingAccount>> oldest(int limit) {
        return Panache.getSession().chain(session -> session.createSelectionQuery("select new "
                        + WaitingAccount.class.getName() + "(e.accountId, coalesce(p.lastVersion, 0) + 1, "
                        + "min(e.parkedAt), count(e)) " + WAITING + " group by e.accountId, p.lastVersion "
                        + "order by min(e.parkedAt), e.accountId", WaitingAccount.class)
                .setMaxResults(limit).getResultList());
    }

    /** How many accounts wait, for the gauge. */
    static Uni<Long> count() {
        return Panache.getSession().chain(session -> session.createSelectionQuery(
                "select count(distinct e.accountId) " + WAITING, Long.class).getSingleResult());
    }

    ParkedAccountView view() {
        return new ParkedAccountView(accountId, null, missing, null, reason(missing), since, null, waiting);
    }
}
