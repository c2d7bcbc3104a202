package dev.ardoise.console.backoffice;

import dev.ardoise.console.web.Refusal;
import dev.ardoise.console.services.AccountService;
import dev.ardoise.console.services.InvoiceService;
import dev.ardoise.console.services.NotificationService;
import dev.ardoise.console.services.ServiceCalls;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ardoise.console.services.ServiceAnswer;
import dev.ardoise.console.signin.ConsoleUser;
import dev.ardoise.console.signin.SignedIn;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * Gathers the account page from the three services, each called with the user's token: the account from
 * account-service (another store's is not found, as a missing one), its invoices from invoice-service, its history
 * newest first, and its emails from notification-service for the roles that read them.
 */
@ApplicationScoped
class AccountPages {
    static final int INVOICES_PER_PAGE = 20;
    static final int EVENTS_PER_PAGE = 25;
    static final int EMAILS_PER_PAGE = 20;

    private final AccountService accounts;
    private final InvoiceService invoices;
    private final NotificationService notifications;
    private final SignedIn signedIn;

    AccountPages(@RestClient AccountService accounts, @RestClient InvoiceService invoices,
                 @RestClient NotificationService notifications, SignedIn signedIn) {
        this.accounts = accounts;
        this.invoices = invoices;
        this.notifications = notifications;
        this.signedIn = signedIn;
    }

    /** The page as asked for: 200, or the not-found page, or the page of a service that would not answer. */
    Response page(UUID accountId, PageQuery query) {
        return render(accountId, query, null, ActionForm.none());
    }

    /** The page again with an action's refusal, and the refused form as it was sent. */
    Response refused(UUID accountId, Refusal refusal, ActionForm form) {
        return render(accountId, PageQuery.first(), refusal, form);
    }

    private Response render(UUID accountId, PageQuery query, Refusal refusal, ActionForm form) {
        ServiceAnswer found = ServiceCalls.answer(() -> accounts.account(accountId));
        if (found.status() == 404) {
            return notFound();
        }
        if (!found.ok()) {
            return html(found.status() >= 500 ? 502 : found.status(), AccountsResource.Templates.unavailable(
                    Refusal.of(found)));
        }
        AccountDetails account = AccountDetails.of(found.body());
        ConsoleUser user = signedIn.user();
        boolean reads = user.has(ConsoleUser.MANAGER) || user.has(ConsoleUser.VIEWER);
        LocalDate today = LocalDate.now();
        AccountPage page = new AccountPage(account, invoices(accountId, query), history(account, query.historyPage()),
                reads ? emails(accountId, query.emailsPage()) : null, Done.of(query.done).orElse(null),
                "true".equals(query.replayed), refusal, form, user.actsOnAccounts(), reads, today.toString(),
                today.withDayOfMonth(1).toString(), today.withDayOfMonth(1).minusMonths(1).toString(),
                today.withDayOfMonth(1).minusDays(1).toString());
        return html(refusal == null ? 200 : refusal.status(), AccountsResource.Templates.account(page));
    }

    static Response notFound() {
        return html(404, AccountsResource.Templates.notFound());
    }

    private AccountPage.Invoices invoices(UUID accountId, PageQuery query) {
        long reached = query.reachedVersion();
        if (reached > 0) {
            // what the action recorded reaches invoice-service through the topic: wait for it (the service bounds it)
            ServiceCalls.answer(() -> invoices.balance(accountId, reached));
        }
        int page = query.invoicesPage();
        ServiceAnswer answer = ServiceCalls.answer(() -> invoices.invoices(accountId, page, INVOICES_PER_PAGE));
        if (!answer.ok()) {
            return new AccountPage.Invoices(List.of(), Pager.of(0, INVOICES_PER_PAGE, 0), Refusal.of(answer));
        }
        LocalDate today = LocalDate.now();
        return new AccountPage.Invoices(Json.list(answer.body().get("items"), item -> InvoiceLine.of(item, today)),
                Pager.of(page, INVOICES_PER_PAGE, answer.body().path("total").asLong()), null);
    }

    /** Newest first: page 0 holds the last events; the versions of an account's events run from 1 without gaps. */
    private AccountPage.History history(AccountDetails account, int page) {
        long upTo = account.version() - (long) page * EVENTS_PER_PAGE;
        Pager pager = Pager.of(page, EVENTS_PER_PAGE, account.version());
        if (upTo <= 0) {
            return new AccountPage.History(List.of(), pager, null);
        }
        long after = Math.max(0, upTo - EVENTS_PER_PAGE);
        UUID id = UUID.fromString(account.accountId());
        ServiceAnswer answer = ServiceCalls.answer(() -> accounts.history(id, after, (int) (upTo - after)));
        if (!answer.ok()) {
            return new AccountPage.History(List.of(), pager, Refusal.of(answer));
        }
        List<HistoryEntry> events = new ArrayList<>(Json.list(answer.body(), HistoryEntry::of));
        Collections.reverse(events);
        return new AccountPage.History(events, pager, null);
    }

    private AccountPage.Emails emails(UUID accountId, int page) {
        ServiceAnswer answer = ServiceCalls.answer(() -> notifications.emails(null, accountId.toString(), page, EMAILS_PER_PAGE));
        if (!answer.ok()) {
            return new AccountPage.Emails(List.of(), Pager.of(0, EMAILS_PER_PAGE, 0), Refusal.of(answer));
        }
        JsonNode body = answer.body();
        return new AccountPage.Emails(Json.list(body.get("items"), EmailLine::of),
                Pager.of(page, EMAILS_PER_PAGE, body.path("total").asLong()), null);
    }

    static Response html(int status, Object page) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(page).build();
    }
}
