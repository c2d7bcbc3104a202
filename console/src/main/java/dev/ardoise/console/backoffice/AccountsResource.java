package dev.ardoise.console.backoffice;

import dev.ardoise.console.web.FormInput;
import dev.ardoise.console.web.InvalidInput;
import dev.ardoise.console.web.Refusal;
import dev.ardoise.console.services.AccountService;
import dev.ardoise.console.services.InvoiceService;
import dev.ardoise.console.services.ServiceCalls;
import dev.ardoise.console.services.ServiceAnswer;
import dev.ardoise.console.signin.ConsoleUser;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The back office's pages: the accounts of the user's stores (searched by name, customer id or email, filtered,
 * a page at a time), an account, and its printable statement. Every read is the services', with the user's token.
 */
@Path("/accounts")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({ConsoleUser.MANAGER, ConsoleUser.VIEWER, ConsoleUser.CASHIER})
public class AccountsResource {
    static final int ACCOUNTS_PER_PAGE = 25;
    private static final int LONGEST_SEARCH = 200;
    /** What looks like an email address is searched as one (account-service knows the customers' addresses). */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final AccountService accounts;
    private final InvoiceService invoices;
    private final AccountPages pages;

    AccountsResource(@RestClient AccountService accounts, @RestClient InvoiceService invoices, AccountPages pages) {
        this.accounts = accounts;
        this.invoices = invoices;
        this.pages = pages;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(AccountsList list);

        static native TemplateInstance account(AccountPage page);

        static native TemplateInstance statement(StatementView statement, Refusal refusal, String accountId);

        static native TemplateInstance notFound();

        static native TemplateInstance unavailable(Refusal refusal);
    }

    @GET
    public Response list(@QueryParam("q") String q, @QueryParam("status") String status,
                         @QueryParam("usage") String usage, @QueryParam("deposits") String deposits,
                         @QueryParam("page") String page) {
        String search = q == null ? "" : q.strip();
        AccountsList asked = new AccountsList(search, blankless(status), blankless(usage), blankless(deposits),
                List.of(), Pager.of(page(page), ACCOUNTS_PER_PAGE, 0), false, null);
        if (search.length() > LONGEST_SEARCH) {
            return shown(withRefusal(asked, Refusal.of(new InvalidInput("q", "invalid_too_long"))));
        }
        return shown(EMAIL.matcher(search).matches() ? byEmail(asked) : listed(asked));
    }

    @GET
    @Path("/{accountId}")
    public Response account(@PathParam("accountId") String accountId, @BeanParam PageQuery query) {
        return FormInput.uuid(accountId).map(id -> pages.page(id, query)).orElseGet(AccountPages::notFound);
    }

    @GET
    @Path("/{accountId}/statement")
    @RolesAllowed({ConsoleUser.MANAGER, ConsoleUser.VIEWER})
    public Response statement(@PathParam("accountId") String accountId, @QueryParam("from") String from,
                              @QueryParam("to") String to) {
        return FormInput.uuid(accountId).map(id -> statement(id, from, to)).orElseGet(AccountPages::notFound);
    }

    private Response statement(UUID accountId, String from, String to) {
        String account = accountId.toString();
        try {
            LocalDate first = FormInput.optionalDay("from", from);
            LocalDate last = FormInput.optionalDay("to", to);
            FormInput.inOrder(first, last);
            ServiceAnswer answer = ServiceCalls.answer(() -> invoices.statement(accountId, text(first), text(last)));
            if (answer.status() == 404) {
                return AccountPages.notFound();
            }
            if (!answer.ok()) {
                Refusal refusal = Refusal.of(answer);
                return AccountPages.html(refusal.status(), Templates.statement(null, refusal, account));
            }
            return AccountPages.html(200, Templates.statement(StatementView.of(answer.body()), null, account));
        } catch (InvalidInput invalid) {
            return AccountPages.html(400, Templates.statement(null, Refusal.of(invalid), account));
        }
    }

    private AccountsList byEmail(AccountsList asked) {
        ServiceAnswer answer = ServiceCalls.answer(() -> accounts.withEmail(asked.q()));
        if (!answer.ok()) {
            return withRefusal(asked, Refusal.of(answer));
        }
        List<AccountLine> rows = Json.list(answer.body(), AccountLine::ofAccount);
        return new AccountsList(asked.q(), asked.status(), asked.usage(), asked.deposits(), rows,
                new Pager(0, false, false, rows.size()), true, null);
    }

    private AccountsList listed(AccountsList asked) {
        ServiceAnswer answer = ServiceCalls.answer(() -> invoices.accounts(asked.q().isEmpty() ? null : asked.q(),
                asked.status(), asked.usage(), asked.deposits(), asked.pager().page(), ACCOUNTS_PER_PAGE));
        if (!answer.ok()) {
            return withRefusal(asked, Refusal.of(answer));
        }
        return found(asked, Json.list(answer.body().get("items"), AccountLine::ofListed),
                answer.body().path("total").asLong());
    }

    private static AccountsList found(AccountsList asked, List<AccountLine> rows, long total) {
        return new AccountsList(asked.q(), asked.status(), asked.usage(), asked.deposits(), rows,
                Pager.of(asked.pager().page(), ACCOUNTS_PER_PAGE, total), false, null);
    }

    private static AccountsList withRefusal(AccountsList asked, Refusal refusal) {
        return new AccountsList(asked.q(), asked.status(), asked.usage(), asked.deposits(), List.of(),
                asked.pager(), false, refusal);
    }

    private static Response shown(AccountsList list) {
        return AccountPages.html(list.refusal() == null ? 200 : list.refusal().status(), Templates.list(list));
    }

    private static int page(String page) {
        try {
            int number = page == null ? 0 : Integer.parseInt(page.strip());
            return number >= 0 && number <= PageQuery.LAST_PAGE ? number : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String blankless(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String text(LocalDate day) {
        return day == null ? null : day.toString();
    }
}
