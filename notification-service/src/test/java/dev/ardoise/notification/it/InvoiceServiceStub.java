package dev.ardoise.notification.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
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
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * invoice-service's statement endpoint as the statement contract defines it, served by the JDK's HTTP server:
 * {@code GET /accounts/{accountId}/statement?from=&to=} answers one payment and one charge within the period.
 * An account id starting with {@code 00000000} is unknown (404 problem).
 *
 * <p>Like invoice-service, it answers only a caller whose bearer token is a SERVICE token of the test issuer, signed
 * with notification-service's own key and naming it by its kid (401 otherwise): the service under test signs with
 * {@link Tokens}' service key, never the issuer's, which this resource writes to a PEM file for it.
 */
public class InvoiceServiceStub implements QuarkusTestResourceLifecycleManager {
    private static final ObjectMapper JSON = new ObjectMapper();

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/accounts/", InvoiceServiceStub::statement);
        server.start();
        return Map.of("ardoise.invoice-service.url", "http://127.0.0.1:" + server.getAddress().getPort(),
                "smallrye.jwt.sign.key.location", signingKeyFile().toString());
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
        Map<String, String> query = query(uri.getRawQuery());
        answer(exchange, 200, "application/json", canned(accountId, query.get("from"), query.get("to")));
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
