package dev.ardoise.invoice.persistence;

import dev.ardoise.events.reader.InOrderReader;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/** Queries on the read models; each call reads in a session of its own, so a re-read sees new commits. */
@ApplicationScoped
public class ReadModels {

    /**
     * The account, or null when no AccountOpened was projected for it. The version is read first: the statements
     * that follow may see later commits, so the rows are at least as new as the version the view claims (read the
     * other way round, a register could be told "version 2" and be shown the state of version 1).
     */
    public Uni<AccountView> account(UUID accountId) {
        return Panache.withSession(() -> InOrderReader.lastVersion(accountId)
                .flatMap(version -> AccountRow.<AccountRow>findById(accountId)
                        .flatMap(row -> row == null ? Uni.createFrom().nullItem() : viewOf(row, version))));
    }

    private static Uni<AccountView> viewOf(AccountRow row, long version) {
        return InvoiceRow.ofAccount(row.accountId).map(invoices -> new AccountView(row.toBalance(), invoices, version));
    }
}
