package dev.ardoise.console.backoffice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BinaryNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.ardoise.testing.Tokens;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A service as the back office sees it, served by the JDK's HTTP server: like the real one, it answers only a
 * caller whose bearer token the test issuer signed and that has not expired (401 problem otherwise), and it keeps
 * every request it was sent (method, path, query, body, the token's user, roles and stores, the Idempotency-Key
 * header), which the tests read at {@code GET /test/requests} and clear at {@code POST /test/reset}: over HTTP,
 * whichever class loader started the stub.
 */
abstract class StubServer {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final PublicKey ISSUER_KEY = issuerKey();

    private final HttpServer server;
    private final ArrayNode requests = JSON.createArrayNode();

    StubServer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void stop() {
        server.stop(0);
    }

    /** Puts the service back as the tests expect to find it. */
    abstract void reset();

    /** The service's answer to a verified caller. */
    abstract Answer answer(Request request);

    record Request(String method, String path, Map<String, String> query, JsonNode body, JsonNode claims,
                   String idempotencyKey) {
        String[] segments() {
            return path.substring(1).split("/");
        }

        boolean has(String role) {
            return claims.path("groups").toString().contains("\"" + role + "\"");
        }

        boolean worksFor(String store) {
            return claims.path("stores").toString().contains("\"" + store + "\"");
        }
    }

    record Answer(int status, JsonNode body, Map<String, String> headers) {
        static Answer json(int status, JsonNode body) {
            return new Answer(status, body, Map.of());
        }

        static Answer problem(int status, String type, String title, String detail) {
            ObjectNode problem = JSON.createObjectNode().put("type", "https://ardoise.dev/problems/" + type)
                    .put("title", title).put("status", status).put("detail", detail);
            return new Answer(status, problem, Map.of());
        }

        static Answer notFound(String what) {
            return problem(404, "not-found", what + " not found", "no " + what);
        }

        static Answer invalid(String field, String reason) {
            Answer answer = problem(400, "invalid-request", "Invalid request", field + ": " + reason);
            ((ObjectNode) answer.body()).put("field", field).put("reason", reason);
            return answer;
        }

        /** A file (a PDF), sent as it is with its type and Content-Disposition. */
        static Answer file(byte[] content, String type, String disposition) {
            return new Answer(200, BinaryNode.valueOf(content), Map.of("Content-Type", type,
                    "Content-Disposition", disposition));
        }

        static Answer forbidden() {
            return problem(403, "forbidden", "Forbidden", "your role may not do this");
        }

        Answer with(String header, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(header, value);
            return new Answer(status, body, more);
        }
    }

    private synchronized void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (path.equals("/test/requests")) {
            send(exchange, Answer.json(200, requests));
            return;
        }
        if (path.equals("/test/reset")) {
            requests.removeAll();
            reset();
            send(exchange, Answer.json(200, JSON.createObjectNode()));
            return;
        }
        byte[] raw = exchange.getRequestBody().readAllBytes();
        JsonNode body = raw.length == 0 ? null : JSON.readTree(raw);
        JsonNode claims = verified(exchange.getRequestHeaders().getFirst("Authorization"));
        Request request = new Request(exchange.getRequestMethod(), path, query(exchange.getRequestURI().getRawQuery()),
                body, claims, exchange.getRequestHeaders().getFirst("Idempotency-Key"));
        ObjectNode seen = requests.addObject().put("method", request.method()).put("path", path)
                .put("idempotencyKey", request.idempotencyKey());
        seen.set("query", JSON.valueToTree(request.query()));
        seen.set("body", body);
        if (claims == null) {
            seen.putNull("user");
            send(exchange, Answer.problem(401, "unauthenticated", "Unauthenticated", "no valid bearer token")
                    .with("WWW-Authenticate", "Bearer"));
            return;
        }
        seen.put("user", claims.path("sub").asText());
        seen.set("groups", claims.path("groups"));
        seen.set("stores", claims.path("stores"));
        send(exchange, answer(request));
    }

    /** The token's claims when the test issuer signed it and it has not expired; null otherwise. */
    private static JsonNode verified(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return null;
        }
        String[] parts = authorization.substring("Bearer ".length()).split("\\.");
        if (parts.length != 3) {
            return null;
        }
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initVerify(ISSUER_KEY);
            rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!rsa.verify(Base64.getUrlDecoder().decode(parts[2]))) {
                return null;
            }
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            boolean current = claims.path("exp").asLong() * 1000 > System.currentTimeMillis();
            return current && Tokens.ISSUER.equals(claims.path("iss").asText()) ? claims : null;
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            return null;
        }
    }

    /** The issuer's public key, from the private key the console signs its users' tokens with in tests. */
    private static PublicKey issuerKey() {
        String pem = Tokens.issuerPrivateKeyPem().replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            RSAPrivateCrtKey key = (RSAPrivateCrtKey) rsa.generatePrivate(
                    new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
            BigInteger modulus = key.getModulus();
            return rsa.generatePublic(new RSAPublicKeySpec(modulus, key.getPublicExponent()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    query.put(pair.substring(0, equals), URLDecoder.decode(pair.substring(equals + 1),
                            StandardCharsets.UTF_8));
                }
            }
        }
        return query;
    }

    private static void send(HttpExchange exchange, Answer answer) throws IOException {
        byte[] bytes = answer.body() instanceof BinaryNode file ? file.binaryValue()
                : answer.body() == null ? new byte[0] : JSON.writeValueAsBytes(answer.body());
        boolean problem = answer.status() >= 400;
        exchange.getResponseHeaders().add("Content-Type", problem ? "application/problem+json" : "application/json");
        answer.headers().forEach(exchange.getResponseHeaders()::set);
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
