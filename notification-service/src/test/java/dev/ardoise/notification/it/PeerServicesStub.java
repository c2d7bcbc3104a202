package dev.ardoise.notification.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.ardoise.http.ProviderSignature;
import dev.ardoise.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Clock;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The services notification-service calls, served by the JDK's HTTP server: invoice-service's statement as the
 * statement contract defines it ({@code GET /accounts/{accountId}/statement?from=&to=} answers one payment and one
 * charge within the period) and its invoice ({@code GET /invoices/{invoiceId}}, for the pay page), and
 * account-service's payment provider callback (its signature checked as account-service checks it).
 * An account id starting with {@code 00000000} is unknown (404 problem); one starting with {@code 50000000} finds
 * invoice-service failing (500).
 *
 * <p>Like invoice-service, it answers only a caller whose bearer token is a SERVICE token of the test issuer, signed
 * with notification-service's own key and naming it by its kid (401 otherwise): the service under test signs with
 * {@link Tokens}' service key, never the issuer's, which this resource writes to a PEM file for it.
 */
public class PeerServicesStub implements QuarkusTestResourceLifecycleManager {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ProviderSignature PROVIDER = new ProviderSignature("test-secret-for-provider-callbacks",
            Clock.systemUTC());

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/accounts/", PeerServicesStub::statement);
        server.createContext("/invoices/", PeerServicesStub::invoice);
        server.createContext("/payment-provider/callbacks", PeerServicesStub::callback);
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        return Map.of("ardoise.invoice-service.url", url,
                "smallrye.jwt.sign.key.location", signingKeyFile().toString(),
                "ardoise.payments.provider-callback-url", url + "/payment-provider/callbacks");
    }

    /** The tests' service private key (see {@link Tokens}) as a PEM file in target/, for the service to sign with. */
    private static Path signingKeyFile() {
        String pem = Tokens.servicePrivateKeyPem();
        try {
            Path file = Files.createTempFile(Files.createDirectories(Path.of("target")), "service-token-", ".pem");
            Files.writeString(file, pem);
            file.toFile().deleteOnExit();
            return file.toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private static void statement(HttpExchange exchange) throws IOException {
        String refused = refusal(exchange.getRequestHeaders().getFirst("Authorization"));
        if (refused != null) {
            exchange.getResponseHeaders().add("WWW-Authenticate", "Bearer");
            answer(exchange, 401, "application/problem+json",
                    "{\"type\":\"https://ardoise.dev/problems/unauthenticated\",\"status\":401,\"detail\":\""
                            + refused + "\"}");
            return;
        }
        URI uri = exchange.getRequestURI();
        String[] path = uri.getPath().split("/");
        if (path.length != 4 || !"statement".equals(path[3])) {
            answer(exchange, 404, "application/problem+json", "{\"type\":\"not-found\",\"status\":404}");
            return;
        }
        String accountId = path[2];
        if (accountId.startsWith("00000000")) {
            answer(exchange, 404, "application/problem+json",
                    "{\"type\":\"https://ardoise.dev/problems/not-found\",\"status\":404,\"detail\":\"no account\"}");
            return;
        }
        if (accountId.startsWith("50000000")) {
            answer(exchange, 500, "application/problem+json", "{\"status\":500,\"detail\":\"database down\"}");
            return;
        }
        Map<String, String> query = query(uri.getRawQuery());
        answer(exchange, 200, "application/json", canned(accountId, query.get("from"), query.get("to")));
    }

    /**
     * {@code GET /invoices/{invoiceId}}: the id says what the invoice is, {@code <state>-<accountId>}: {@code due-}
     * owes 152.25 of 452.25 (MAIN-000452, issued 29 November, due 29 December 2026), {@code paid-} was paid on
     * 1 December 2026, {@code off-} was written off; any other id is 404.
     */
    private static void invoice(HttpExchange exchange) throws IOException {
        if (refusal(exchange.getRequestHeaders().getFirst("Authorization")) != null) {
            answer(exchange, 401, "application/problem+json", "{\"status\":401}");
            return;
        }
        String invoiceId = exchange.getRequestURI().getPath().substring("/invoices/".length());
        int dash = invoiceId.indexOf('-');
        String state = dash < 0 ? "" : invoiceId.substring(0, dash);
        if (!Set.of("due", "paid", "off").contains(state)) {
            answer(exchange, 404, "application/problem+json",
                    "{\"type\":\"https://ardoise.dev/problems/not-found\",\"status\":404}");
            return;
        }
        String owed = state.equals("due") ? "152.25" : "0.00";
        String status = Map.of("due", "PARTIALLY_PAID", "paid", "PAID", "off", "WRITTEN_OFF").get(state);
        answer(exchange, 200, "application/json", """
                {"invoiceId":"%s","invoiceNumber":"MAIN-000452","accountId":"%s","saleId":"sale-452",
                 "storeId":"MAIN","currency":"CAD","amount":"452.25","paid":"300.00","refunded":"0.00",
                 "owed":"%s","lines":[],"terms":"NET_30","issuedOn":"2026-11-29","dueDate":"2026-12-29",
                 "status":"%s","applications":[{"date":"2026-11-30","kind":"PAYMENT","reference":"P-1",
                 "amount":"300.00","owedChange":"-300.00","version":3}%s]}
                """.formatted(invoiceId, invoiceId.substring(dash + 1), owed, status, state.equals("due") ? ""
                : ",{\"date\":\"2026-12-01\",\"kind\":\"PAYMENT\",\"amount\":\"152.25\",\"version\":4}"));
    }

    /**
     * account-service's {@code POST /payment-provider/callbacks}: 200 for a callback signed within 5 minutes under
     * the tests' callback secret that pays what a {@code due-} invoice still owes, 401 otherwise.
     */
    private static void callback(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        boolean genuine = PROVIDER.verifies(exchange.getRequestHeaders().getFirst(ProviderSignature.HEADER), body);
        JsonNode callback = JSON.readTree(body);
        boolean paysWhatIsDue = callback.path("amount").asText().equals("152.25")
                && callback.path("invoiceId").asText().startsWith("due-")
                && callback.path("paymentId").asText().startsWith("tp_")
                && callback.path("currency").asText().equals("CAD");
        answer(exchange, genuine && paysWhatIsDue ? 200 : 401, "application/json", "{}");
    }

    /** Opening -700.00; a payment of 300.00; a charge of 1,120.50; closing -1,520.50. */
    static String canned(String accountId, String from, String to) {
        return """
                {"accountId":"%s","customerId":"C-1001","customerName":"Marie Tremblay","currency":"CAD",
                 "from":"%s","to":"%s","openingBalance":"-700.00",
                 "lines":[
                  {"date":"%s","type":"PAYMENT","reference":"P-0009","description":"Payment (CHEQUE) cheque 0042",
                   "amount":"300.00","runningBalance":"-400.00"},
                  {"date":"%s","type":"CHARGE","reference":"MAIN-000007","description":"Invoice MAIN-000007",
                   "amount":"-1120.50","runningBalance":"-1520.50"}],
                 "closingBalance":"-1520.50","totalCharges":"1120.50","totalCredits":"300.00",
                 "owed":"1520.50","overdue":"120.50","depositBalance":"0.00","version":14}
                """.formatted(accountId, from, to, from, to);
    }

    /** Why the call is refused, or null for a SERVICE token of the test issuer, signed by the service's key. */
    static String refusal(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return "no bearer token";
        }
        String[] parts = authorization.substring("Bearer ".length()).split("\\.");
        if (parts.length != 3) {
            return "not a signed JWT";
        }
        try {
            JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
            if (!Tokens.SERVICE_KEY_ID.equals(header.path("kid").asText())) {
                return "not the kid of the service's key: " + header;
            }
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initVerify(Tokens.servicePublicKey());
            rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!rsa.verify(Base64.getUrlDecoder().decode(parts[2]))) {
                return "not signed by the service's key";
            }
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            long lifetime = claims.path("exp").asLong() - claims.path("iat").asLong();
            if (!Tokens.ISSUER.equals(claims.path("iss").asText())
                    || !claims.path("aud").toString().contains(Tokens.AUDIENCE)
                    || !"notification-service".equals(claims.path("sub").asText())
                    || !claims.path("groups").toString().contains("\"SERVICE\"")
                    || claims.path("exp").asLong() * 1000 < System.currentTimeMillis()
                    || lifetime <= 0 || lifetime > 300) {
                return "not a short-lived SERVICE token of notification-service: " + claims;
            }
            return null;
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            return "unreadable token: " + e.getClass().getSimpleName();
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    query.put(pair.substring(0, equals), pair.substring(equals + 1));
                }
            }
        }
        return query;
    }

    private static void answer(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
