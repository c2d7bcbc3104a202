package dev.ardoise.invoice.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/** Queries on the read models; each call reads in a session of its own, so a re-read sees new commits. */
@ApplicationScoped
public class ReadModels {

    /** The account, or null when no AccountOpened was projected for it. */
    public Uni<AccountView> account(UUID accountId) {
        return Panache.withSession(() -> AccountRow.<AccountRow>findById(accountId)
                .flatMap(row -> row == null ? Uni.createFrom().nullItem() : viewOf(row)));
    }

    /** The invoice, or null when unknown. */
    public Uni<InvoiceRow> invoice(String invoiceId) {
        return Panache.withSession(() -> InvoiceRow.findById(invoiceId));
    }

    private static Uni<AccountView> viewOf(AccountRow row) {
        return InvoiceRow.ofAccount(row.accountId)
                .flatMap(invoices -> ProjectionProgress.<ProjectionProgress>findById(row.accountId)
                        .map(progress -> new AccountView(row.toBalance(), invoices,
                                progress == null ? 0 : progress.lastVersion)));
    }
}
