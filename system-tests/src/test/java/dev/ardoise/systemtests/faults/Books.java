package dev.ardoise.systemtests.faults;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ardoise.systemtests.MailInbox;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The checks after a fault, on the scenario's own accounts: nothing lost, nothing doubled, every accepted charge in
 * invoice-service once, no account over its limit at any point of its history, invoice numbers per store with no gap
 * and no repeat, one invoice email per accepted charge to each consenting customer (counted at the SMTP server) and
 * none to the others, and invoice-service's reconciliation clean. The readers are awaited first: how long they
 * take, once the load has stopped, is the scenario's time to recover.
 */
final class Books {
    private static final long READERS_TIMEOUT = TimeUnit.MINUTES.toNanos(3);
    private static final long MAIL_TIMEOUT = TimeUnit.MINUTES.toNanos(2);
    private static final long RECONCILIATION_TIMEOUT = TimeUnit.MINUTES.toNanos(2);
    /** The event types that carry an operation's key, and its field. */
    private static final Map<String, String> KEYS = Map.of("SaleCharged", "saleId", "PaymentReceived", "paymentId",
            "DepositAdded", "depositId", "CreditHoldPlaced", "holdId");

    private final FaultStack stack;
    private final Customers customers;
    private final List<Registers.Operation> operations;
    /** What notification-service sets on every attempt at a notification's email. */
    private static final java.util.regex.Pattern NOTIFICATION_MESSAGE_ID = java.util.regex.Pattern.compile(
            "<[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}@ardoise\\.local>");
    private final Map<String, List<MailInbox.Mail>> mailBefore;
    private final long countMailFrom;
    private final Findings findings = new Findings();

    /**
     * @param mailBefore    the emails by address that the SMTP server received before it was stopped (a
     *                      stopped server forgets what it had); empty when it was not
     * @param countMailFrom the {@link System#nanoTime()} before which the emails are not counted for the last time:
     *                      an email whose sender was killed mid-send is sent again once its claim has lapsed
     *                      ({@code SENDER_SENDING_TIMEOUT}), and a duplicate must have had its chance to arrive
     */
    Books(FaultStack stack, Customers customers, List<Registers.Operation> operations,
          Map<String, List<MailInbox.Mail>> mailBefore, long countMailFrom) {
        this.stack = stack;
        this.customers = customers;
        this.operations = operations;
        this.mailBefore = mailBefore;
        this.countMailFrom = countMailFrom;
    }

    /** What the checks found: figures for the report, and every difference, the first ones in full. */
    static final class Findings {
        long lost;
        long doubled;
        long overLimit;
        long duplicateEmails;
        long copiesSentAgain;
        long missingEmails;
        double readersSeconds;
        double mailSeconds;
        final List<String> problems = new ArrayList<>();

        void problem(String what, List<String> examples) {
            if (!examples.isEmpty()) {
                problems.add(what + " (" + examples.size() + "): " + examples.subList(0, Math.min(5, examples.size())));
            }
        }

        boolean clean() {
            return problems.isEmpty();
        }
    }

    private record Event(UUID accountId, long version, String type, JsonNode data) {
    }

    Findings check() throws Exception {
        Object[] ids = customers.accounts().stream().map(account -> UUID.fromString(account.id())).toArray();
        findings.readersSeconds = seconds(awaitReaders(ids));
        List<Event> events = events(ids);
        Map<String, List<Event>> byKey = new HashMap<>();
        for (Event event : events) {
            String field = KEYS.get(event.type());
            if (field != null) {
                byKey.computeIfAbsent(event.data().path(field).asText(), key -> new ArrayList<>()).add(event);
            }
        }
        checkOperations(byKey);
        checkHoldsEndOnce(events);
        List<Event> charges = events.stream().filter(event -> event.type().equals("SaleCharged")).toList();
        checkInvoiceService(ids, charges);
        checkLimits(events);
        checkInvoiceNumbers(charges);
        checkEmails(charges);
        checkCopiesSentAgain(ids);
        checkReconciliation();
        return findings;
    }

    /** Every accepted operation recorded once; none declined or refused recorded; the answered invoice number. */
    private void checkOperations(Map<String, List<Event>> byKey) {
        List<String> lost = new ArrayList<>();
        List<String> doubled = new ArrayList<>();
        List<String> declinedYetRecorded = new ArrayList<>();
        List<String> otherNumber = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        List<String> neverAnswered = new ArrayList<>();
        for (Registers.Operation operation : operations) {
            List<Event> recorded = byKey.getOrDefault(operation.key(), List.of());
            switch (operation.outcome()) {
                case ACCEPTED -> {
                    if (recorded.isEmpty()) {
                        lost.add(operation.kind() + " " + operation.key() + " on " + operation.account().id());
                    } else if (operation.isCharge() && !recorded.get(0).data().path("invoiceNumber").asText()
                            .equals(operation.invoiceNumber())) {
                        otherNumber.add(operation.key() + ": answered " + operation.invoiceNumber() + ", recorded "
                                + recorded.get(0).data().path("invoiceNumber").asText());
                    }
                }
                case DECLINED -> {
                    if (!recorded.isEmpty()) {
                        declinedYetRecorded.add(operation.kind() + " " + operation.key());
                    }
                }
                case REFUSED -> refused.add(operation.kind() + " " + operation.key() + ": " + operation.lastProblem());
                case NEVER_ANSWERED -> neverAnswered.add(operation.kind() + " " + operation.key() + " after "
                        + operation.attempts() + " attempts: " + operation.lastProblem());
            }
        }
        byKey.forEach((key, recorded) -> {
            if (recorded.size() > 1) {
                doubled.add(key + " at versions " + recorded.stream().map(Event::version).toList() + " of "
                        + recorded.get(0).accountId());
            }
        });
        findings.lost += lost.size();
        findings.doubled += doubled.size();
        findings.problem("accepted operations missing from account-service's event store", lost);
        findings.problem("operations recorded more than once in account-service's event store", doubled);
        findings.problem("operations declined yet recorded", declinedYetRecorded);
        findings.problem("charges answered with another invoice number than recorded", otherNumber);
        findings.problem("operations refused (4xx or REJECTED: the suite's request was wrong)", refused);
        findings.problem("operations never answered within " + Registers.GIVE_UP_AFTER, neverAnswered);
    }

    /**
     * A hold ends once: every account-service instance runs the hold expiry, and two that find the same lapsed hold
     * must not both expire it (nor expire one that was voided). Holds still open when the books are read are not
     * counted: their expiry may come later.
     */
    private void checkHoldsEndOnce(List<Event> events) {
        Map<String, List<String>> ends = new HashMap<>();
        for (Event event : events) {
            if (event.type().equals("CreditHoldExpired") || event.type().equals("CreditHoldVoided")) {
                ends.computeIfAbsent(event.data().path("holdId").asText(), hold -> new ArrayList<>())
                        .add(event.type() + " v" + event.version());
            }
        }
        List<String> twice = new ArrayList<>();
        ends.forEach((hold, ended) -> {
            if (ended.size() > 1) {
                twice.add(hold + ": " + ended);
            }
        });
        findings.doubled += twice.size();
        findings.problem("holds ended more than once (expired twice, or expired after being voided)", twice);
    }

    /** Every recorded charge is one invoice in invoice-service, and it has no other. */
    private void checkInvoiceService(Object[] ids, List<Event> charges) throws SQLException {
        Map<String, Integer> invoices = new HashMap<>();
        try (Connection connection = stack.database("ardoise_invoices").getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "select sale_id from invoice where account_id = any(?)")) {
            query.setArray(1, connection.createArrayOf("uuid", ids));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    invoices.merge(rows.getString(1), 1, Integer::sum);
                }
            }
        }
        List<String> missing = new ArrayList<>();
        List<String> twice = new ArrayList<>();
        for (Event charge : charges) {
            String saleId = charge.data().path("saleId").asText();
            int count = invoices.getOrDefault(saleId, 0);
            if (count == 0) {
                missing.add(saleId + " (" + charge.data().path("invoiceNumber").asText() + ")");
            } else if (count > 1) {
                twice.add(saleId + " x" + count);
            }
        }
        Set<String> recorded = new java.util.HashSet<>(charges.stream()
                .map(charge -> charge.data().path("saleId").asText()).toList());
        List<String> unknown = invoices.keySet().stream().filter(sale -> !recorded.contains(sale)).toList();
        findings.lost += missing.size();
        findings.doubled += twice.size() + unknown.size();
        findings.problem("charges with no invoice in invoice-service", missing);
        findings.problem("charges with more than one invoice in invoice-service", twice);
        findings.problem("invoices in invoice-service of no recorded charge", unknown);
    }

    /**
     * What is owed, folded event by event (charges add, payments' allocations take off; the load uses nothing else
     * that changes it), never above the account's limit.
     */
    private void checkLimits(List<Event> events) {
        Map<UUID, BigDecimal> owed = new HashMap<>();
        Map<UUID, BigDecimal> limits = new HashMap<>();
        customers.accounts().forEach(account -> limits.put(UUID.fromString(account.id()), account.creditLimit()));
        List<String> over = new ArrayList<>();
        Set<UUID> accountsOver = new java.util.HashSet<>();
        for (Event event : events) {
            BigDecimal before = owed.getOrDefault(event.accountId(), BigDecimal.ZERO);
            switch (event.type()) {
                case "CreditLimitSet" -> limits.put(event.accountId(), amount(event.data().path("creditLimit")));
                case "SaleCharged" -> owed.put(event.accountId(), before.add(amount(event.data().path("amount"))));
                case "PaymentReceived" -> {
                    BigDecimal allocated = BigDecimal.ZERO;
                    for (JsonNode allocation : event.data().path("allocations")) {
                        allocated = allocated.add(amount(allocation.path("amount")));
                    }
                    owed.put(event.accountId(), before.subtract(allocated));
                }
                default -> {
                }
            }
            BigDecimal now = owed.getOrDefault(event.accountId(), BigDecimal.ZERO);
            BigDecimal limit = limits.get(event.accountId());
            if (limit != null && now.compareTo(limit) > 0) {
                accountsOver.add(event.accountId());
                over.add(event.accountId() + " owes " + now + " over its limit " + limit + " at version "
                        + event.version());
            }
        }
        findings.overLimit = accountsOver.size();
        findings.problem("accounts over their limit", over);
    }

    private static BigDecimal amount(JsonNode node) {
        return new BigDecimal(node.asText("0"));
    }

    /** Per store, the numbers of its invoices are 1, 2, 3... each once. */
    private void checkInvoiceNumbers(List<Event> charges) {
        Map<String, List<Long>> byStore = new TreeMap<>();
        for (Event charge : charges) {
            String number = charge.data().path("invoiceNumber").asText();
            byStore.computeIfAbsent(charge.data().path("storeId").asText(), store -> new ArrayList<>())
                    .add(Long.parseLong(number.substring(number.lastIndexOf('-') + 1)));
        }
        List<String> broken = new ArrayList<>();
        byStore.forEach((store, numbers) -> {
            List<Long> sorted = numbers.stream().sorted().toList();
            for (int i = 0; i < sorted.size(); i++) {
                if (sorted.get(i) != i + 1) {
                    broken.add(store + ": number " + (i + 1) + " is " + sorted.get(i) + " (of " + sorted.size() + ")");
                    return;
                }
            }
        });
        findings.problem("stores whose invoice numbers have a gap or a repeat", broken);
    }

    /**
     * Each consenting customer's inbox ends with one "Invoice <number>" message per recorded charge of theirs, and no
     * other; a customer who did not agree, none. Awaited until every expected one is in (bounded). A copy sent again
     * because its sender was killed between the SMTP server's acceptance and the attempt's record carries the same
     * Message-ID, so the customer's mail client shows one message: such copies are counted, not a difference (SMTP
     * has no way to send exactly once; docs/reliability.md).
     */
    private void checkEmails(List<Event> charges) throws Exception {
        Map<String, Customers.Account> accounts = new HashMap<>();
        customers.accounts().forEach(account -> accounts.put(account.id(), account));
        Map<String, List<String>> expected = new HashMap<>();
        for (Customers.Account account : customers.accounts()) {
            if (account.email() != null) {
                expected.put(account.email(), new ArrayList<>());
            }
        }
        for (Event charge : charges) {
            Customers.Account account = accounts.get(charge.accountId().toString());
            if (account.getsInvoiceEmails()) {
                expected.get(account.email()).add(charge.data().path("invoiceNumber").asText());
            }
        }
        long start = System.nanoTime();
        Map<String, List<String>> seen = new HashMap<>();
        Set<String> incomplete = new java.util.HashSet<>(expected.keySet());
        while (!incomplete.isEmpty() && System.nanoTime() - start < MAIL_TIMEOUT) {
            received(incomplete).forEach((address, mails) -> seen.put(address, mails.stream()
                    .map(Books::invoiceNumber).toList()));
            incomplete.removeIf(address -> seen.get(address).containsAll(expected.get(address)));
            if (!incomplete.isEmpty()) {
                LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1));
            }
        }
        findings.mailSeconds = seconds(System.nanoTime() - start);
        while (System.nanoTime() < countMailFrom) {
            LockSupport.parkNanos(countMailFrom - System.nanoTime());
        }
        Map<String, List<MailInbox.Mail>> received = received(expected.keySet());
        List<String> missing = new ArrayList<>();
        List<String> duplicates = new ArrayList<>();
        List<String> unexpected = new ArrayList<>();
        List<String> otherIds = new ArrayList<>();
        for (Map.Entry<String, List<String>> inbox : expected.entrySet()) {
            List<MailInbox.Mail> got = received.getOrDefault(inbox.getKey(), List.of());
            for (String number : inbox.getValue()) {
                List<MailInbox.Mail> copies = got.stream().filter(mail -> number.equals(invoiceNumber(mail))).toList();
                long messages = copies.stream().map(mail -> mail.messageId() == null ? new Object() : mail.messageId())
                        .distinct().count();
                copies.stream().filter(mail -> !NOTIFICATION_MESSAGE_ID.matcher(String.valueOf(mail.messageId()))
                        .matches()).forEach(mail -> otherIds.add(inbox.getKey() + " " + number + " "
                        + mail.messageId()));
                if (copies.isEmpty()) {
                    missing.add(inbox.getKey() + " " + number);
                } else if (messages > 1) {
                    duplicates.add(inbox.getKey() + " " + number + " in " + messages + " messages");
                    findings.duplicateEmails += messages - 1;
                }
                findings.copiesSentAgain += copies.size() - messages;
            }
            got.stream().map(Books::invoiceNumber).filter(number -> number != null
                            && !inbox.getValue().contains(number))
                    .forEach(number -> unexpected.add(inbox.getKey() + " " + number));
        }
        findings.missingEmails = missing.size();
        findings.duplicateEmails += unexpected.size();
        findings.problem("invoice emails never received", missing);
        findings.problem("invoice emails received as more than one message (distinct Message-IDs)", duplicates);
        findings.problem("invoice emails of no recorded charge, or to a customer who did not agree", unexpected);
        findings.problem("invoice emails without their notification's Message-ID (<id@ardoise.local>)", otherIds);
    }

    /** The invoice emails each address received, with those received before the server was stopped too. */
    private Map<String, List<MailInbox.Mail>> received(Set<String> addresses) throws Exception {
        MailInbox inbox = stack.inbox();
        Map<String, List<MailInbox.Mail>> received = new HashMap<>();
        for (String address : addresses) {
            List<MailInbox.Mail> mails = new ArrayList<>(mailBefore.getOrDefault(address, List.of()));
            mails.addAll(inbox.messagesTo(address));
            received.put(address, mails.stream().filter(mail -> invoiceNumber(mail) != null).toList());
        }
        return received;
    }

    /** "Invoice F1A-000003 from ..." is invoice F1A-000003's email; null for any other email. */
    static String invoiceNumber(MailInbox.Mail mail) {
        return mail.subject().startsWith("Invoice ") ? mail.subject().split(" ")[1] : null;
    }

    /** invoice-service folds account-events on its own and compares: asked until it finds no difference. */
    private void checkReconciliation() {
        Http http = new Http();
        String operator = stack.tokens().of("OPERATOR").user("fault-suite").sign();
        long start = System.nanoTime();
        Http.Answer last = null;
        while (System.nanoTime() - start < RECONCILIATION_TIMEOUT) {
            try {
                last = http.post(stack.invoiceService() + "/admin/reconciliation", operator, Map.of(),
                        java.time.Duration.ofSeconds(60)).join();
                if (last.status() == 200 && last.body().path("differencesFound").asLong(-1) == 0) {
                    return;
                }
            } catch (RuntimeException e) {
                last = new Http.Answer(0, Http.JSON.getNodeFactory().textNode(e.toString()));
            }
            LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(2));
        }
        findings.problem("invoice-service's reconciliation found differences", List.of(String.valueOf(last)));
    }

    /** Until both readers applied every event of the accounts: their versions summed equal the events stored. */
    private long awaitReaders(Object[] ids) throws SQLException {
        long start = System.nanoTime();
        String stored = "select count(*) from account_events where account_id = any(?)";
        String applied = "select coalesce(sum(last_version), 0) from reader_position where account_id = any(?)";
        long events = sum(stack.database("ardoise_accounts"), stored, ids);
        while (sum(stack.database("ardoise_invoices"), applied, ids) < events
                || sum(stack.database("ardoise_notifications"), applied, ids) < events) {
            if (System.nanoTime() - start > READERS_TIMEOUT) {
                findings.problem("readers not current 3 minutes after the load", List.of(events + " events stored"));
                break;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
        }
        return System.nanoTime() - start;
    }

    /**
     * A copy sent again is the retry of an attempt whose outcome was lost with its sender: there are never more
     * copies than retries of the invoice emails (their attempts after the first), or one email went out twice
     * without a crash (two senders on one notification).
     */
    private void checkCopiesSentAgain(Object[] ids) throws SQLException {
        long retries = sum(stack.database("ardoise_notifications"), "SELECT coalesce(sum(attempts - 1), 0) FROM "
                + "notifications WHERE kind = 'INVOICE' AND attempts > 1 AND account_id = ANY(?)", ids);
        if (findings.copiesSentAgain > retries) {
            findings.problem("invoice email copies sent again without a retry to explain them",
                    List.of(findings.copiesSentAgain + " copies, " + retries + " retries"));
        }
    }

    private static long sum(DataSource database, String sql, Object[] ids) throws SQLException {
        try (Connection connection = database.getConnection();
             PreparedStatement query = connection.prepareStatement(sql)) {
            query.setArray(1, connection.createArrayOf("uuid", ids));
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    private List<Event> events(Object[] ids) throws SQLException {
        List<Event> events = new ArrayList<>();
        try (Connection connection = stack.database("ardoise_accounts").getConnection();
             PreparedStatement query = connection.prepareStatement("select account_id, version, event_type, "
                     + "data::text from account_events where account_id = any(?) order by account_id, version")) {
            query.setArray(1, connection.createArrayOf("uuid", ids));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    events.add(new Event(rows.getObject(1, UUID.class), rows.getLong(2), rows.getString(3),
                            Http.parse(rows.getString(4))));
                }
            }
        }
        return events;
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
