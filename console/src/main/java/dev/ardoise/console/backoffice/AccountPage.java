package dev.ardoise.console.backoffice;

import dev.ardoise.console.web.Refusal;
import dev.ardoise.events.AdjustmentDirection;
import dev.ardoise.events.DepositPurpose;

import java.util.List;

/**
 * Everything the account page shows. A section whose service refused or did not answer shows why instead of its
 * rows ({@code unavailable}); a section the user's role does not read is null and not shown.
 */
public record AccountPage(AccountDetails account, Invoices invoices, History history, Emails emails, Done done,
                          boolean replayed, Refusal refusal, ActionForm forms, boolean acts,
                          boolean readsStatements, String today, String monthStart, String lastMonthStart,
                          String lastMonthEnd) {

    public record Invoices(List<InvoiceLine> items, Pager pager, Refusal unavailable) {
        /** The invoices of this page a refund may name: any not written off. */
        public List<InvoiceLine> refundable() {
            return items.stream().filter(invoice -> invoice.status() == null
                    || !"WRITTEN_OFF".equals(invoice.status().raw())).toList();
        }
    }

    public record History(List<HistoryEntry> items, Pager pager, Refusal unavailable) {
    }

    public record Emails(List<EmailLine> items, Pager pager, Refusal unavailable) {
    }

    /** The ways a payment is made, a deposit is taken and a balance adjusted, in the order the forms offer them. */
    public List<Word> methods() {
        return Word.all("method_", PaymentMethod.values());
    }

    public List<Word> purposes() {
        return Word.all("purpose_", DepositPurpose.values());
    }

    public List<Word> directions() {
        return Word.all("direction_", AdjustmentDirection.values());
    }

    /** Where the page is, for the language switch to come back to. */
    public String here() {
        return "/accounts/" + account.accountId();
    }
}
