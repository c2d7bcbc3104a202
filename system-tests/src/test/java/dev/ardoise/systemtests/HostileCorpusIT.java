package dev.ardoise.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ardoise.systemtests.HostileCorpus.Field;
import dev.ardoise.systemtests.HostileCorpus.Kind;
import dev.ardoise.systemtests.HostileCorpus.Request;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static dev.ardoise.systemtests.Ardoise.accounts;
import static dev.ardoise.systemtests.Ardoise.invoices;
import static dev.ardoise.systemtests.Ardoise.notifications;
import static dev.ardoise.systemtests.HostileCorpus.DATES_BEYOND_POSTGRESQL;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A hostile corpus against the built jars: every endpoint of the three services, and pos-sales, get what a careless
 * or malicious client sends (malformed JSON, bodies past the limit, wrong content types, ids that name nothing or
 * try to climb the path, values past every bound, absurd and unknown query parameters; garbage bytes, tombstones,
 * huge records, wrong types, replays with another amount, senders without a token). Then the books must still
 * keep: no 5xx, nothing recorded for a refused request, the readers still current (a good charge is projected by
 * invoice-service at its version and emailed), reconciliation finds no difference, and every service is ready.
 *
 * <p>About 510 commands and paths that must be refused (a 4xx problem naming the field when the body is wrong),
 * 310 reads that may be answered but never with a 5xx, six at a time, beside 21 pos-sales records. It found that
 * 400 kB of garbage on pos-sales, from any register, stopped every register's sales (DeadLetterSize).
 */
@ExtendWith(Ardoise.class)
class HostileCorpusIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId STORE_ZONE = ZoneId.of("America/Toronto");
    /** Requests in flight at once: enough to keep three services busy, few enough for a 2-core machine. */
    private static final int IN_FLIGHT = 6;
    private static final Duration WITHIN = Duration.ofSeconds(30);

    private final String manager = Ardoise.tokens().of("MANAGER").user("corpus").sign();
    private final String register = Ardoise.tokens().of("CASHIER").user("corpus").register("R9").sign();
    private final String viewer = Ardoise.tokens().viewer();
    private final String operator = Ardoise.tokens().operator();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void a_hostile_corpus_at_every_endpoint_and_on_pos_sales_is_refused_and_the_books_still_agree() throws Exception {
        String email = "corpus." + UUID.randomUUID() + "@example.com";
        String account = openAccount(email);
        String invoiceId = charge(account, "CORPUS-" + UUID.randomUUID(), "3.00").path("invoiceId");
        Map<String, Object> before = accountState(account);
        String posAccount = openAccount(null);
        awaitKnownEverywhere(account, (int) before.get("version"));
        // pos-sales waits on the consumer, HTTP on the services' CPU: side by side, on accounts of their own
        CompletableFuture<List<String>> posFailures = CompletableFuture.supplyAsync(() -> posCorpus(posAccount));
        List<String> httpFailures = answersOf(commandsAndIds(account, invoiceId), HostileCorpusIT::refusedAsItShould);
        httpFailures.addAll(answersOf(reads(account, invoiceId), HostileCorpusIT::answeredWithout5xx));

        assertAll(httpFailures, posFailures.join());
        assertEquals(before, accountState(account), "a refused request recorded something");
        assertPosSalesChargedOnlyTheGoodOnes(posAccount);
        assertTheReadersAreCurrentAndTheBooksAgree(account, email);
    }

    /**
     * Doors the corpus found outside account-service's edges: a date PostgreSQL cannot hold, or a NUL character,
     * reaches a query and is answered 500; a statement period invoice-service can never produce is recorded and
     * then retried. Each must be a 4xx naming the parameter.
     */
    @Test
    void dates_postgresql_cannot_hold_and_nul_characters_are_refused_by_invoice_and_notification_service()
            throws Exception {
        String account = openAccount(null);
        String invoiceId = charge(account, "CORPUS-" + UUID.randomUUID(), "3.00").path("invoiceId");
        awaitKnownEverywhere(account, accountVersion(account));
        List<Request> requests = new ArrayList<>();
        for (String date : DATES_BEYOND_POSTGRESQL) {
            requests.add(Request.of("GET", invoices() + "/aging?asOf=" + date));
            requests.add(Request.of("GET", invoices() + "/accounts/" + account + "/aging?asOf=" + date));
            requests.add(Request.of("GET", invoices() + "/accounts/" + account + "/statement?from=" + date
                    + "&to=2026-12-31"));
            requests.add(Request.of("GET", invoices() + "/invoices?from=" + date));
            requests.add(Request.of("GET", invoices() + "/accounts/" + account + "/invoices?to=" + date));
            requests.add(Request.of("GET", notifications() + "/accounts/" + account + "/statement-preview?from="
                    + date + "&to=2026-12-31"));
            requests.add(Request.json("statement from " + date, "POST", notifications() + "/accounts/" + account
                    + "/statements", "{\"from\":\"" + date.replace("%2B", "+") + "\",\"to\":\"2026-12-31\"}"));
        }
        requests.add(Request.of("GET", invoices() + "/accounts?q=%00"));
        requests.add(Request.of("GET", invoices() + "/invoices/%00"));
        requests.add(Request.of("GET", notifications() + "/invoices/%00/email-preview"));
        requests.add(Request.of("POST", notifications() + "/invoices/%00/resend"));
        requests.add(Request.of("GET", notifications() + "/invoices/" + invoiceId + "%00/email-preview"));

        assertAll(answersOf(requests, HostileCorpusIT::refusedAsItShould), List.of());
    }

    // ---------------------------------------------------------------------------------------------------- HTTP

    /** Every command's body spoiled, every path on ids that name nothing: each must be refused. */
    private List<Request> commandsAndIds(String account, String invoiceId) {
        List<Request> corpus = new ArrayList<>();
        corpus.addAll(accountServiceCommands(accounts() + "/accounts/" + account, invoiceId));
        corpus.addAll(onHostileIds());
        corpus.add(Request.of("PATCH", accounts() + "/accounts/" + account));
        corpus.add(Request.of("GET", accounts() + "/accounts/../../etc/passwd"));
        corpus.add(Request.of("GET", invoices() + "/accounts/../../../etc/passwd"));
        return corpus;
    }

    private List<Request> accountServiceCommands(String url, String invoiceId) {
        String invoice = "\"" + invoiceId + "\"";
        String dueDate = "\"" + LocalDate.now(STORE_ZONE).plusDays(10) + "\"";
        List<Request> corpus = new ArrayList<>();
        corpus.addAll(HostileCorpus.commands("open", "POST", accounts() + "/accounts", List.of(
                key("customerId"), text("name"), new Field("email", Kind.TEXT, "\"x@example.com\""),
                new Field("emailConsent", Kind.BOOLEAN, "true"), new Field("language", Kind.TEXT, "\"en\""),
                new Field("currency", Kind.ENUM, "\"CAD\""), amount("creditLimit"),
                new Field("storeId", Kind.KEY, "\"MAIN\""))));
        corpus.addAll(HostileCorpus.commands("customer", "PUT", url + "/customer", List.of(text("name"),
                new Field("email", Kind.TEXT, "\"x@example.com\""), new Field("language", Kind.TEXT, "\"en\""))));
        corpus.addAll(HostileCorpus.commands("consent", "PUT", url + "/email-consent",
                List.of(new Field("consent", Kind.BOOLEAN, "false"))));
        corpus.addAll(HostileCorpus.commands("limit", "PUT", url + "/credit-limit", List.of(amount("creditLimit"))));
        corpus.addAll(HostileCorpus.commands("suspend", "POST", url + "/suspension", List.of(text("reason"))));
        corpus.addAll(HostileCorpus.commands("close", "POST", url + "/closure", List.of(text("reason"))));
        corpus.addAll(HostileCorpus.commands("charge", "POST", url + "/charges", List.of(key("saleId"),
                amount("amount"), new Field("lines", Kind.LINES,
                        "[{\"description\":\"Paint\",\"quantity\":\"1\",\"unitPrice\":\"1.00\"}]"),
                new Field("terms", Kind.ENUM, "\"CUSTOM\""), new Field("dueDate", Kind.DATE, dueDate),
                new Field("holdId", Kind.KEY, "null"), new Field("overrideId", Kind.KEY, "null"),
                new Field("depositToApply", Kind.AMOUNT, "\"0.00\""))));
        corpus.addAll(HostileCorpus.commands("hold", "POST", url + "/holds", List.of(key("holdId"), amount("amount"),
                new Field("expiresInSeconds", Kind.SECONDS, "60"))));
        corpus.addAll(HostileCorpus.commands("void", "POST", url + "/holds/H-none/void", List.of(text("reason"))));
        corpus.addAll(HostileCorpus.commands("override", "POST", url + "/overrides", List.of(key("overrideId"),
                amount("amount"), text("reasonCode"), text("note"), new Field("expiresInSeconds", Kind.SECONDS, "60"))));
        corpus.addAll(HostileCorpus.commands("deposit", "POST", url + "/deposits", List.of(key("depositId"),
                amount("amount"), new Field("purpose", Kind.ENUM, "\"OTHER\""), text("reference"))));
        corpus.addAll(HostileCorpus.commands("apply deposit", "POST", url + "/deposit-applications",
                List.of(key("applicationId"), amount("amount"), new Field("invoiceId", Kind.KEY, invoice))));
        corpus.addAll(HostileCorpus.commands("return deposit", "POST", url + "/deposit-returns",
                List.of(key("returnId"), amount("amount"), new Field("method", Kind.ENUM, "\"CASH\""),
                        text("reason"))));
        corpus.addAll(HostileCorpus.commands("payment", "POST", url + "/payments", List.of(key("paymentId"),
                amount("amount"), new Field("method", Kind.ENUM, "\"CASH\""), text("reference"),
                new Field("invoiceId", Kind.KEY, invoice))));
        corpus.addAll(HostileCorpus.commands("refund", "POST", url + "/refunds", List.of(key("refundId"),
                new Field("invoiceId", Kind.KEY, invoice), amount("amount"), text("reasonCode"))));
        corpus.addAll(HostileCorpus.commands("adjust", "POST", url + "/adjustments", List.of(key("adjustmentId"),
                new Field("direction", Kind.ENUM, "\"CREDIT\""), amount("amount"), text("reasonCode"), text("note"),
                new Field("invoiceId", Kind.KEY, invoice))));
        corpus.addAll(HostileCorpus.commands("write off", "POST", url + "/write-offs", List.of(key("writeOffId"),
                new Field("invoiceId", Kind.KEY, invoice), text("reasonCode"), text("note"))));
        corpus.addAll(HostileCorpus.commands("statement", "POST", notifications() + url.substring(accounts().length())
                + "/statements", List.of(new Field("from", Kind.PERIOD_DATE, "\"2026-11-01\""),
                new Field("to", Kind.PERIOD_DATE, "\"2026-11-30\""))));
        return corpus;
    }

    /** Every read's query parameters given absurd values: answered, or refused as a problem, never a 5xx. */
    private List<Request> reads(String account, String invoiceId) {
        List<Request> corpus = new ArrayList<>();
        corpus.addAll(HostileCorpus.reads(accounts() + "/accounts?customerId=C-none", List.of("customerId", "storeId")));
        corpus.addAll(HostileCorpus.reads(accounts() + "/accounts/" + account, List.of("asOf")));
        corpus.addAll(HostileCorpus.reads(accounts() + "/accounts/" + account + "/events",
                List.of("after", "limit")));
        String listing = "status,from,to,storeId,sort,order,page,size";
        corpus.addAll(HostileCorpus.reads(invoices() + "/accounts", List.of("q", "status", "sort", "order", "storeId",
                "page", "size", "after")));
        corpus.addAll(HostileCorpus.reads(invoices() + "/aging", List.of("asOf", "storeId", "after")));
        corpus.addAll(HostileCorpus.reads(invoices() + "/accounts/" + account + "/aging", List.of("asOf")));
        corpus.addAll(HostileCorpus.reads(invoices() + "/accounts/" + account + "/balance", List.of("minVersion")));
        corpus.addAll(HostileCorpus.reads(invoices() + "/accounts/" + account + "/invoices",
                Arrays.asList(listing.split(","))));
        corpus.addAll(HostileCorpus.reads(invoices() + "/invoices", Arrays.asList(("accountId," + listing).split(","))));
        corpus.addAll(HostileCorpus.reads(invoices() + "/invoices/" + invoiceId, List.of()));
        corpus.addAll(HostileCorpus.reads(invoices() + "/accounts/" + account + "/statement", List.of("from", "to")));
        corpus.addAll(HostileCorpus.reads(notifications() + "/accounts/" + account
                + "/statement-preview?from=2026-11-01&to=2026-11-30", List.of("from", "to", "format")));
        corpus.addAll(HostileCorpus.reads(notifications() + "/invoices/" + invoiceId + "/email-preview",
                List.of("kind", "format", "offset")));
        corpus.addAll(HostileCorpus.reads(notifications() + "/notifications", List.of("accountId", "invoiceId", "kind",
                "status", "page", "size")));
        // an encoded ".." is a "..": these name /aging and /invoices, which the token may read
        corpus.add(Request.of("GET", invoices() + "/accounts/%2e%2e/aging"));
        corpus.add(Request.of("GET", accounts() + "/accounts/%2e%2e/%2e%2e/etc/passwd"));
        return corpus;
    }

    /** Every path that names an id, on ids that name nothing; the commands with a good body. */
    private List<Request> onHostileIds() {
        String json = "application/json";
        List<Request> corpus = new ArrayList<>();
        for (String path : List.of("", "/events", "/customer", "/email-consent", "/credit-limit", "/suspension",
                "/closure", "/charges", "/holds", "/holds/H-1/void", "/overrides", "/deposits", "/deposit-applications",
                "/deposit-returns", "/payments", "/refunds", "/adjustments", "/write-offs")) {
            String method = path.isEmpty() || path.equals("/events") ? "GET"
                    : Set.of("/customer", "/email-consent", "/credit-limit").contains(path) ? "PUT" : "POST";
            corpus.addAll(HostileCorpus.onHostileIds(method, accounts() + "/accounts/{id}" + path,
                    method.equals("GET") ? null : json, method.equals("GET") ? null : goodBodyFor(path)));
        }
        corpus.addAll(HostileCorpus.onHostileIds("DELETE", accounts() + "/accounts/{id}/suspension", null, null));
        for (String path : List.of("/balance", "/aging", "/invoices", "/statement")) {
            corpus.addAll(HostileCorpus.onHostileIds("GET", invoices() + "/accounts/{id}" + path, null, null));
        }
        corpus.addAll(HostileCorpus.onHostileIds("GET", invoices() + "/invoices/{id}", null, null));
        corpus.addAll(HostileCorpus.onHostileIds("GET", notifications() + "/accounts/{id}/statement-preview"
                + "?from=2026-11-01&to=2026-11-30", null, null));
        corpus.addAll(HostileCorpus.onHostileIds("POST", notifications() + "/accounts/{id}/statements", json,
                "{\"from\":\"2026-11-01\",\"to\":\"2026-11-30\"}"));
        corpus.addAll(HostileCorpus.onHostileIds("GET", notifications() + "/invoices/{id}/email-preview", null, null));
        corpus.addAll(HostileCorpus.onHostileIds("POST", notifications() + "/invoices/{id}/resend", null, null));
        corpus.addAll(HostileCorpus.onHostileIds("POST", notifications() + "/notifications/{id}/retry", null, null));
        return corpus;
    }

    private static String goodBodyFor(String path) {
        return switch (path) {
            case "/customer" -> "{\"name\":\"N\",\"language\":\"en\"}";
            case "/email-consent" -> "{\"consent\":true}";
            case "/credit-limit" -> "{\"creditLimit\":\"10.00\"}";
            case "/charges" -> "{\"saleId\":\"S-1\",\"amount\":\"1.00\"}";
            case "/holds" -> "{\"holdId\":\"H-1\",\"amount\":\"1.00\"}";
            case "/overrides" -> "{\"overrideId\":\"O-1\",\"amount\":\"1.00\",\"reasonCode\":\"R\"}";
            case "/deposits" -> "{\"depositId\":\"D-1\",\"amount\":\"1.00\"}";
            case "/deposit-applications" -> "{\"applicationId\":\"A-1\",\"amount\":\"1.00\"}";
            case "/deposit-returns" -> "{\"returnId\":\"R-1\",\"amount\":\"1.00\",\"method\":\"CASH\"}";
            case "/payments" -> "{\"paymentId\":\"P-1\",\"amount\":\"1.00\",\"method\":\"CASH\"}";
            case "/refunds" -> "{\"refundId\":\"F-1\",\"invoiceId\":\"I-1\",\"amount\":\"1.00\"}";
            case "/adjustments" -> "{\"adjustmentId\":\"J-1\",\"direction\":\"CREDIT\",\"amount\":\"1.00\","
                    + "\"reasonCode\":\"R\"}";
            case "/write-offs" -> "{\"writeOffId\":\"W-1\",\"invoiceId\":\"I-1\",\"reasonCode\":\"R\"}";
            default -> "{}";
        };
    }

    /** Sends every request, a few at a time, and lists those whose answer the rule does not accept. */
    private List<String> answersOf(List<Request> corpus, Predicate<HttpResponse<String>> rule) {
        Semaphore slots = new Semaphore(IN_FLIGHT);
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        List<CompletableFuture<Void>> sent = new ArrayList<>();
        for (Request request : corpus) {
            slots.acquireUninterruptibly();
            sent.add(http.sendAsync(httpRequest(request), HttpResponse.BodyHandlers.ofString())
                    .handle((response, error) -> {
                        slots.release();
                        if (error != null && request.mayBeCutOff() && error.getCause() instanceof java.io.IOException) {
                            return null;
                        }
                        if (error != null) {
                            failures.add(request.what() + " -> no answer: " + error);
                        } else if (!rule.test(response)) {
                            failures.add(request.what() + " -> " + response.statusCode() + " "
                                    + response.headers().firstValue("Content-Type").orElse("") + " "
                                    + abbreviated(response.body()));
                        }
                        return null;
                    }));
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
        return failures;
    }

    private HttpRequest httpRequest(Request request) {
        String token = request.url().contains("/notifications/") && request.url().endsWith("/retry")
                || request.url().startsWith(invoices() + "/admin") ? operator : manager;
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(request.url())).timeout(WITHIN)
                .header("Authorization", "Bearer " + token)
                .method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        if (request.contentType() != null) {
            builder.header("Content-Type", request.contentType());
        }
        return builder.build();
    }

    private static boolean answeredWithout5xx(HttpResponse<String> response) {
        return response.statusCode() < 400 || refusedAsItShould(response);
    }

    /**
     * A refusal: a 4xx, as a problem document that names the field when the request was invalid (400); 413 and
     * 414 come from the HTTP layer, before any application code, without a body.
     */
    private static boolean refusedAsItShould(HttpResponse<String> response) {
        int status = response.statusCode();
        if (status < 400 || status > 499) {
            return false;
        }
        if (status == 413 || status == 414) {
            return true;
        }
        if (!response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
            return false;
        }
        return status != 400 || problem(response.body()).hasNonNull("field");
    }

    // ------------------------------------------------------------------------------------------------ pos-sales

    /** What each sale of the corpus must be answered; the unanswerable records are counted on the dead letters. */
    private final Map<String, String> expectedAnswers = new java.util.LinkedHashMap<>();
    private final Map<String, String> sentAs = new HashMap<>();
    private final Map<String, Map<String, Object>> answers = new HashMap<>();
    private int expectedDeadLetters;
    private Map<TopicPartition, Long> deadLettersFrom;

    private List<String> posCorpus(String account) {
        try {
            return sendPosCorpus(account);
        } catch (Exception e) {
            throw new IllegalStateException("the pos-sales corpus could not be sent", e);
        }
    }

    private List<String> sendPosCorpus(String account) throws Exception {
        Map<String, Object> settings = new HashMap<>(Ardoise.kafka("register"));
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 2 * 1024 * 1024);
        String run = UUID.randomUUID().toString().substring(0, 8);
        try (KafkaConsumer<String, String> results = PosRegister.reader("register");
             KafkaConsumer<String, String> deadLetters = PosRegister.reader("admin");
             KafkaProducer<String, byte[]> producer = new KafkaProducer<>(settings, new StringSerializer(),
                     new ByteArraySerializer())) {
            fromTheEnd(results, "pos-sale-results");
            deadLettersFrom = fromTheEnd(deadLetters, "pos-sales.dlq");

            PosSender pos = new PosSender(producer, account);
            byte[] garbage = new byte[400_000];
            Arrays.fill(garbage, (byte) 0xFF);
            // unanswerable: dead-lettered, but for 400 kB of garbage, which becomes 1.2 MB as text and is skipped
            pos.unanswerable(new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 1, 2}, register);
            pos.unanswerable(null, register);
            pos.unanswerable(utf8("[1,2]"), register);
            pos.unanswerable(utf8("{\"amount\":\"1.00\"}"), register);
            pos.skipped(garbage, null);
            // answerable and wrong: rejected naming the field, nothing charged
            pos.sale("REJECTED", "W1-" + run, "\"amount\":{\"a\":1}", register);
            pos.sale("REJECTED", "W2-" + run, "\"amount\":\"1e999999999\"", register);
            pos.sale("REJECTED", "W3-" + run, "\"amount\":\"1.00\",\"terms\":\"CUSTOM\",\"dueDate\":\"+5874898-01-01\"",
                    register);
            pos.sale("REJECTED", "W4-" + run, "\"amount\":\"1.00\",\"lines\":\"x\"", register);
            pos.sale("REJECTED", "W5-" + run, "\"amount\":\"1.00\",\"terms\":5", register);
            pos.sale("REJECTED", "W6-" + run, "\"amount\":\"1.00\",\"lines\":[{\"description\":\"d\","
                    + "\"quantity\":\"1e999999999\",\"unitPrice\":\"1.00\"}]", register);
            pos.sale("REJECTED", "W7-" + run, "\"amount\":\"1.00\",\"lines\":" + "[" + String.join(",",
                    Collections.nCopies(501, "{\"description\":\"d\",\"quantity\":\"1\",\"unitPrice\":\"0.01\"}")) + "]",
                    register);
            // senders that may not charge: declined and dead-lettered
            pos.sale("DECLINED", "T1-" + run, "\"amount\":\"1.00\"", null);
            pos.sale("DECLINED", "T2-" + run, "\"amount\":\"1.00\"", "garbage.not.a-token");
            expectedDeadLetters += 2;
            // a replay with another amount is refused; the same amount again answers the first invoice
            pos.sale("CHARGED", "R-" + run, "\"amount\":\"2.00\"", register);
            pos.awaitAnswers(results);
            pos.sale("REJECTED", "R-" + run + "-900", "R-" + run, "\"amount\":\"900.00\"", register);
            pos.sale("CHARGED", "R-" + run + "-again", "R-" + run, "\"amount\":\"2.00\"", register);
            // a huge record that is a good sale is charged once; then a good sale behind all of it
            pos.sale("CHARGED", "H-" + run, "\"amount\":\"1.00\",\"padding\":\"" + "x".repeat(900_000) + "\"",
                    register);
            pos.sale("CHARGED", "G-" + run, "\"amount\":\"10.00\"", register);
            pos.awaitAnswers(results);
            return pos.failures(deadLetters);
        }
    }

    /** Sends the corpus's records on pos-sales, all keyed by the account (one partition, in order). */
    private final class PosSender {
        private final KafkaProducer<String, byte[]> producer;
        private final String account;
        private final List<String> failures = new ArrayList<>();

        PosSender(KafkaProducer<String, byte[]> producer, String account) {
            this.producer = producer;
            this.account = account;
        }

        void unanswerable(byte[] value, String token) throws Exception {
            send(value, token);
            expectedDeadLetters++;
        }

        void skipped(byte[] value, String token) throws Exception {
            send(value, token);
        }

        void sale(String outcome, String saleId, String fields, String token) throws Exception {
            sale(outcome, saleId, saleId, fields, token);
        }

        /** @param name the answer's name in this test; saleId the one sent (a replay sends another's) */
        void sale(String outcome, String name, String saleId, String fields, String token) throws Exception {
            expectedAnswers.put(name, outcome);
            sentAs.put(name, saleId);
            send(utf8("{\"saleId\":\"" + saleId + "\",\"accountId\":\"" + account + "\"," + fields + "}"), token);
        }

        private void send(byte[] value, String token) throws Exception {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>("pos-sales", account, value);
            if (token != null) {
                record.headers().add("authorization", utf8("Bearer " + token));
            }
            producer.send(record).get();
        }

        /** The answers to the sales sent so far, in the order sent: a replay's answer follows the first's. */
        void awaitAnswers(KafkaConsumer<String, String> results) throws Exception {
            Map<String, List<Map<String, Object>>> bySale = new HashMap<>();
            long wanted = expectedAnswers.size() - answers.size();
            Instant deadline = Instant.now().plus(WITHIN);
            long got = 0;
            while (got < wanted && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : results.poll(Duration.ofMillis(100))) {
                    Map<String, Object> answer = JSON.readValue(record.value(), Map.class);
                    if (account.equals(answer.get("accountId"))) {
                        bySale.computeIfAbsent((String) answer.get("saleId"), sale -> new ArrayList<>()).add(answer);
                        got++;
                    }
                }
            }
            // in the order sent: a replay's answers follow the first's, under the same saleId
            for (String name : expectedAnswers.keySet()) {
                List<Map<String, Object>> given = bySale.getOrDefault(sentAs.get(name), List.of());
                if (!answers.containsKey(name) && !given.isEmpty()) {
                    answers.put(name, given.remove(0));
                }
            }
        }

        List<String> failures(KafkaConsumer<String, String> deadLetters) {
            expectedAnswers.forEach((name, outcome) -> {
                Map<String, Object> answer = answers.get(name);
                if (answer == null || !outcome.equals(answer.get("outcome"))) {
                    failures.add("pos sale " + name + ": expected " + outcome + ", answered " + answer);
                }
            });
            long deadLettered = deadLettersKeyed(deadLetters, account);
            if (deadLettered != expectedDeadLetters) {
                failures.add("pos-sales.dlq holds " + deadLettered + " records of this corpus, expected "
                        + expectedDeadLetters);
            }
            return failures;
        }
    }

    private void assertPosSalesChargedOnlyTheGoodOnes(String account) {
        String run = expectedAnswers.keySet().stream().filter(name -> name.startsWith("G-")).findFirst().orElseThrow()
                .substring(2);
        assertEquals(answers.get("R-" + run).get("invoiceId"), answers.get("R-" + run + "-again").get("invoiceId"),
                "the same sale again answers the first invoice");
        assertEquals("saleId", answers.get("R-" + run + "-900").get("reason"));
        assertEquals("amount", answers.get("W1-" + run).get("reason"));
        assertEquals("dueDate", answers.get("W3-" + run).get("reason"));
        assertEquals("lines[0].quantity", answers.get("W6-" + run).get("reason"));
        assertEquals("NO_VALID_TOKEN", answers.get("T1-" + run).get("reason"));
        Map<String, Object> state = accountState(account);
        assertEquals("-13.00", state.get("balance"), "charged 2.00, 1.00 and 10.00 only: " + state);
        long charges = given().auth().oauth2(viewer).get(accounts() + "/accounts/{id}/events", account).then()
                .statusCode(200).extract().jsonPath().getList("type").stream().filter("SaleCharged"::equals).count();
        assertEquals(3, charges);
    }

    // ------------------------------------------------------------------------------------- the books still agree

    private void assertTheReadersAreCurrentAndTheBooksAgree(String account, String email) throws Exception {
        Response charged = charge(account, "AFTER-" + UUID.randomUUID(), "25.00");
        int version = charged.path("version") == null ? accountVersion(account) : charged.path("version");
        Response balance = given().auth().oauth2(viewer)
                .get(invoices() + "/accounts/{id}/balance?minVersion={v}", account, version);
        balance.then().statusCode(200).body("version", equalTo(version)).body("balance", equalTo("-28.00"));
        assertNull(balance.getHeader("X-Projection-Lagging"), "invoice-service lags behind the corpus");

        await().atMost(WITHIN).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            List<MailInbox.Mail> mails = Ardoise.inbox().messagesTo(email);
            assertTrue(mails.stream().anyMatch(mail -> mail.text().contains("25.00")), mails.toString());
        });
        given().auth().oauth2(operator).post(invoices() + "/admin/reconciliation").then().statusCode(200)
                .body("differences.size()", equalTo(0));
        for (int port : new int[] {Ardoise.settings().accountManagementPort(),
                Ardoise.settings().invoiceManagementPort(), Ardoise.settings().notificationManagementPort()}) {
            given().get(Ardoise.settings().serviceUrl(port) + "/q/health/ready").then().statusCode(200)
                    .body("status", equalTo("UP"));
        }
    }

    // ------------------------------------------------------------------------------------------------- helpers

    /** Until invoice-service has projected the account at this version and notification-service knows it. */
    private void awaitKnownEverywhere(String account, int version) {
        await().atMost(WITHIN).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            Response balance = given().auth().oauth2(viewer)
                    .get(invoices() + "/accounts/{id}/balance?minVersion={v}", account, version);
            balance.then().statusCode(200).body("version", equalTo(version));
            given().auth().oauth2(viewer).get(notifications() + "/notifications?accountId={id}", account).then()
                    .statusCode(200).body("items.size()", org.hamcrest.Matchers.greaterThan(0));
        });
    }

    private String openAccount(String email) {
        Map<String, Object> body = new HashMap<>(Map.of("customerId", "C-" + UUID.randomUUID(), "name", "Corpus",
                "emailConsent", email != null, "language", "en", "currency", "CAD", "creditLimit", "1000.00"));
        if (email != null) {
            body.put("email", email);
        }
        return given().auth().oauth2(manager).contentType(ContentType.JSON).body(body)
                .post(accounts() + "/accounts").then().statusCode(201).extract().path("accountId");
    }

    private Response charge(String account, String saleId, String amount) {
        Response response = given().auth().oauth2(register).contentType(ContentType.JSON)
                .body(Map.of("saleId", saleId, "amount", amount))
                .post(accounts() + "/accounts/{id}/charges", account);
        response.then().statusCode(201);
        return response;
    }

    /** What the account is, as account-service rebuilds it from its events, with its version. */
    private Map<String, Object> accountState(String account) {
        Map<String, Object> state = new HashMap<>(given().auth().oauth2(viewer).get(accounts() + "/accounts/{id}",
                account).then().statusCode(200).extract().jsonPath().getMap(""));
        state.put("version", accountVersion(account));
        return state;
    }

    private int accountVersion(String account) {
        List<Integer> versions = given().auth().oauth2(viewer).get(accounts() + "/accounts/{id}/events", account)
                .then().statusCode(200).extract().jsonPath().getList("version", Integer.class);
        return versions.get(versions.size() - 1);
    }

    private static Map<TopicPartition, Long> fromTheEnd(KafkaConsumer<String, String> consumer, String topic) {
        List<TopicPartition> partitions = consumer.partitionsFor(topic, WITHIN).stream()
                .map(partition -> new TopicPartition(topic, partition.partition())).toList();
        consumer.assign(partitions);
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, WITHIN);
        ends.forEach(consumer::seek);
        return ends;
    }

    /** The dead letters keyed by the account since the corpus began, read up to the topic's end. */
    private long deadLettersKeyed(KafkaConsumer<String, String> deadLetters, String account) {
        Map<TopicPartition, Long> ends = deadLetters.endOffsets(deadLettersFrom.keySet(), WITHIN);
        long count = 0;
        Instant deadline = Instant.now().plus(WITHIN);
        while (ends.entrySet().stream().anyMatch(end -> deadLetters.position(end.getKey()) < end.getValue())
                && Instant.now().isBefore(deadline)) {
            for (ConsumerRecord<String, String> record : deadLetters.poll(Duration.ofMillis(100))) {
                if (account.equals(record.key())) {
                    count++;
                }
            }
        }
        return count;
    }

    private static JsonNode problem(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            return JSON.createObjectNode();
        }
    }

    private static void assertAll(List<String> failures, List<String> more) {
        List<String> all = new ArrayList<>(failures);
        all.addAll(more);
        assertTrue(all.isEmpty(), all.size() + " hostile requests not refused as they should be:\n"
                + all.stream().sorted().collect(Collectors.joining("\n")));
    }

    private static Field key(String name) {
        return new Field(name, Kind.KEY, "\"K-1\"");
    }

    private static Field text(String name) {
        return new Field(name, Kind.TEXT, "\"text\"");
    }

    private static Field amount(String name) {
        return new Field(name, Kind.AMOUNT, "\"1.00\"");
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String abbreviated(String text) {
        return text == null || text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }
}
