package dev.ardoise.testing;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The role matrix of {@code docs/security.md}, held to a running service: its OpenAPI document must list the same
 * operations with the same roles, and each operation must answer each kind of caller as the matrix says. A new
 * endpoint that is not in the matrix, or not protected as it says, fails the service's {@code RoleMatrixTest}.
 */
public final class RoleMatrix {
    /** Every role a token may grant; each operation is called with each. */
    public static final List<String> ROLES = List.of("CASHIER", "MANAGER", "VIEWER", "OPERATOR", "SERVICE");
    /** The roles whose tokens are tied to stores, and so meet the store wall. */
    private static final Set<String> STORE_SCOPED = Set.of("CASHIER", "MANAGER", "VIEWER");
    private static final String OTHER_STORE = "MATRIX-OTHER";

    private final String service;
    private final Map<String, Set<String>> rolesByOperation;

    private RoleMatrix(String service, Map<String, Set<String>> rolesByOperation) {
        this.service = service;
        this.rolesByOperation = rolesByOperation;
    }

    /** The rows of the matrix in docs/security.md for this service. */
    public static RoleMatrix of(String service) {
        Map<String, Set<String>> rows = new LinkedHashMap<>();
        boolean inMatrix = false;
        for (String line : securityDoc()) {
            if (line.contains("role-matrix:start")) {
                inMatrix = true;
            } else if (line.contains("role-matrix:end")) {
                inMatrix = false;
            } else if (inMatrix && line.startsWith("| " + service + " |")) {
                String[] cells = Arrays.stream(line.split("\\|")).map(String::strip).toArray(String[]::new);
                rows.put(key(cells[2], cells[3]), Arrays.stream(cells[4].split(","))
                        .map(String::strip).collect(Collectors.toCollection(TreeSet::new)));
            }
        }
        assertTrue(!rows.isEmpty(), "docs/security.md has no role-matrix rows for " + service);
        return new RoleMatrix(service, rows);
    }

    /** Every operation of the service's OpenAPI document is in the matrix with the same roles, and back. */
    public void assertOpenApiAgrees() {
        Map<String, Set<String>> documented = documentedOperations();
        assertEquals(new TreeSet<>(rolesByOperation.keySet()), new TreeSet<>(documented.keySet()),
                service + ": the operations of /q/openapi and the rows of docs/security.md differ");
        rolesByOperation.forEach((operation, roles) -> assertEquals(roles, documented.get(operation),
                service + " " + operation + ": roles in /q/openapi differ from docs/security.md"));
    }

    /**
     * Calls every operation without a token, with an expired one and with one signed by a stranger (401 each), then
     * with a token of each role: a role the matrix allows gets neither 401, 403 nor a 5xx, any other role 403.
     *
     * @param pathValues the value of each path parameter (an account of the store MAIN for {@code accountId})
     * @param bodies     request bodies by operation ({@code "POST /accounts"}); {@code {}} for the others
     * @param notCalled  operations whose allowed roles are not called, for their side effects (a rebuild)
     */
    public void assertEnforced(Map<String, String> pathValues, Map<String, Object> bodies, Set<String> notCalled) {
        for (String operation : rolesByOperation.keySet()) {
            expect(operation, call(operation, null, pathValues, bodies), 401, "no token");
            expect(operation, call(operation, Tokens.of("MANAGER").expired().sign(), pathValues, bodies), 401,
                    "an expired token");
            expect(operation, call(operation, Tokens.of("MANAGER").signedByStranger().sign(), pathValues, bodies), 401,
                    "a token signed by another key");
            for (String role : ROLES) {
                boolean allowed = rolesByOperation.get(operation).contains(role);
                if (allowed && notCalled.contains(operation)) {
                    continue;
                }
                Response answer = call(operation, token(role, "MAIN"), pathValues, bodies);
                if (allowed) {
                    int status = answer.statusCode();
                    assertTrue(status != 401 && status != 403 && status < 500, service + " " + operation + " as "
                            + role + " (allowed) answered " + status + ": " + answer.asString());
                    assertTrue(status != 404 || !readsTheGivenAccount(operation), service + " " + operation + " as "
                            + role + " of the account's own store answered 404: " + answer.asString());
                } else {
                    expect(operation, answer, 403, "a " + role + " token");
                }
            }
        }
    }

    /**
     * Every operation on an account (a path with {@code {accountId}}) answers 404, as for an account that does not
     * exist, to each store-scoped role it allows when the account is of a store the token does not name.
     */
    public void assertStoreWall(Map<String, String> pathValuesOfAnotherStoresAccount, Map<String, Object> bodies) {
        rolesByOperation.forEach((operation, roles) -> {
            if (!operation.contains("{accountId}")) {
                return;
            }
            for (String role : roles) {
                if (STORE_SCOPED.contains(role)) {
                    Response answer = call(operation, token(role, "MAIN"), pathValuesOfAnotherStoresAccount, bodies);
                    expect(operation, answer, 404, "a " + role + " of another store");
                }
            }
        });
    }

    /**
     * A read whose path names only the account (or its invoice) given for the store MAIN: it exists, so a 404 would
     * be the store wall shutting out the account's own store.
     */
    private static boolean readsTheGivenAccount(String operation) {
        String path = operation.substring(operation.indexOf(' ') + 1)
                .replace("{accountId}", "").replace("{invoiceId}", "");
        return operation.startsWith("GET ") && !path.contains("{") && !path.equals(operation.substring(4));
    }

    /** A token of this role for one store; operators and services are not tied to a store. */
    public static String token(String role, String store) {
        return STORE_SCOPED.contains(role) ? Tokens.of(role).stores(store).sign() : Tokens.of(role).stores().sign();
    }

    /** A store no test account belongs to: a token for it sees nothing. */
    public static String otherStore() {
        return OTHER_STORE;
    }

    private void expect(String operation, Response answer, int status, String caller) {
        assertEquals(status, answer.statusCode(), service + " " + operation + " with " + caller + ": "
                + answer.asString());
        assertTrue(answer.contentType().startsWith("application/problem+json"), service + " " + operation + " with "
                + caller + " answered " + answer.contentType() + ", not a problem");
    }

    private static Response call(String operation, String token, Map<String, String> pathValues,
                                 Map<String, Object> bodies) {
        String[] methodAndPath = operation.split(" ", 2);
        String path = methodAndPath[1];
        for (var value : pathValues.entrySet()) {
            path = path.replace("{" + value.getKey() + "}", value.getValue());
        }
        if (path.contains("{")) {
            fail("no value for a path parameter of " + operation + "; give it in pathValues");
        }
        RequestSpecification request = given().accept(ContentType.JSON);
        if (token != null) {
            request = request.auth().oauth2(token);
        }
        String method = methodAndPath[0];
        if (method.equals("POST") || method.equals("PUT")) {
            request = request.contentType(ContentType.JSON).body(bodies.getOrDefault(operation, Map.of()));
        }
        return request.request(method, path);
    }

    private static Map<String, Set<String>> documentedOperations() {
        JsonPath openapi = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().jsonPath();
        Map<String, Map<String, Object>> paths = openapi.getMap("paths");
        Map<String, Set<String>> operations = new LinkedHashMap<>();
        paths.forEach((path, methods) -> methods.forEach((method, operation) -> {
            if (Set.of("get", "post", "put", "delete", "patch").contains(method)) {
                operations.put(key(method, path), roles(operation));
            }
        }));
        return operations;
    }

    /** The role names the operation's security requirements list (OpenAPI 3.1 allows roles for any scheme). */
    @SuppressWarnings("unchecked")
    private static Set<String> roles(Object operation) {
        Object security = ((Map<String, Object>) operation).get("security");
        Set<String> roles = new TreeSet<>();
        if (security instanceof List<?> requirements) {
            for (Object requirement : requirements) {
                ((Map<String, Object>) requirement).values().forEach(names -> roles.addAll((Collection<String>) names));
            }
        }
        return roles;
    }

    private static String key(String method, String path) {
        return method.toUpperCase(Locale.ROOT) + " " + path;
    }

    private static List<String> securityDoc() {
        Path home = Path.of(System.getProperty("ardoise.home", "..")).toAbsolutePath().normalize();
        try {
            return new ArrayList<>(Files.readAllLines(home.resolve("docs/security.md")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read docs/security.md under " + home, e);
        }
    }
}
