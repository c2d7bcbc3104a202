package dev.ardoise.systemtests;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The hostile requests of {@link HostileCorpusIT}: for a command, its good body spoiled one field at a time (wrong
 * type, past its bound, control characters, a lone surrogate) or broken whole (malformed, not an object, too deep,
 * too large); for a read, each query parameter given an absurd value, and an unknown one; for every path id, ids
 * that name nothing (path traversal, NUL, 300 characters, SQL). Every one must be refused with a 4xx.
 */
final class HostileCorpus {
    /** What a field holds, which says how to spoil it. */
    enum Kind { KEY, TEXT, AMOUNT, ENUM, DATE, PERIOD_DATE, BOOLEAN, SECONDS, LINES }

    /** A field of a command's body: its name, what it holds and a good value (JSON). */
    record Field(String name, Kind kind, String good) {
    }

    /** One request: how to send it, and what it is (for the failure message). */
    /** @param mayBeCutOff past the body limit: the server may answer 413 and close before the client is done */
    record Request(String what, String method, String url, String contentType, byte[] body, boolean mayBeCutOff) {
        static Request of(String method, String url) {
            return new Request(method + " " + url, method, url, null, null, false);
        }

        static Request json(String what, String method, String url, String body) {
            return new Request(what, method, url, "application/json", body.getBytes(StandardCharsets.UTF_8), false);
        }
    }

    static final int LONGEST_KEY = 100;
    static final int LONGEST_TEXT = 500;

    /** Ids that name nothing, percent-encoded for a path segment. */
    static final List<String> HOSTILE_IDS = List.of("not-a-uuid", "..%2F..%2Fetc%2Fpasswd",
            "00000000-0000-0000-0000-000000000000", "x".repeat(300), "%F0%9F%92%A5", "1%27%20OR%20%271%27%3D%271");

    /** Absurd values for any query parameter, percent-encoded; dates PostgreSQL cannot hold are in their own list. */
    static final List<String> ABSURD_QUERY_VALUES = List.of("-1", "99999999999999999999", "x".repeat(1000),
            "1%27%3B%20DROP%20TABLE%20accounts%3B--", "%E2%80%AE", "2026-02-30");

    /** Dates that parse as ISO dates but lie outside what PostgreSQL stores (4713 BC to 5874897 AD). */
    static final List<String> DATES_BEYOND_POSTGRESQL = List.of("-999999999-01-01", "-4714-01-01",
            "%2B5874898-01-01");

    private HostileCorpus() {
    }

    /** The body's spoiled forms, each refused: one field at a time, then the whole body broken. */
    static List<Request> commands(String what, String method, String url, List<Field> fields) {
        List<Request> requests = new ArrayList<>();
        for (Field field : fields) {
            for (String spoiled : spoiled(field.kind())) {
                requests.add(Request.json(what + " " + field.name() + "=" + abbreviated(spoiled), method, url,
                        body(fields, field.name(), spoiled)));
            }
        }
        requests.addAll(broken(what, method, url, body(fields, null, null)));
        return requests;
    }

    /** A body broken whole, or sent as something else than JSON. */
    static List<Request> broken(String what, String method, String url, String good) {
        List<Request> requests = new ArrayList<>();
        for (String body : List.of("{\"a\":", "[]", "\u00FF\u00FE", "{\"a\":" + "[".repeat(5000) + "]".repeat(5000)
                + "}")) {
            requests.add(Request.json(what + " body " + abbreviated(body), method, url, body));
        }
        String huge = good.substring(0, good.length() - 1) + ",\"padding\":\"" + "x".repeat(600 * 1024) + "\"}";
        requests.add(new Request(what + " body of 600 kB", method, url, "application/json",
                huge.getBytes(StandardCharsets.UTF_8), true));
        for (String type : List.of("text/plain")) {
            requests.add(new Request(what + " as " + type, method, url, type, good.getBytes(StandardCharsets.UTF_8),
                    false));
        }
        return requests;
    }

    /** Each parameter given each absurd value (in place of the URL's own, if it has one), and an unknown one. */
    static List<Request> reads(String url, List<String> parameters) {
        List<Request> requests = new ArrayList<>();
        for (String parameter : parameters) {
            for (String value : ABSURD_QUERY_VALUES) {
                requests.add(Request.of("GET", with(url, parameter, value)));
            }
        }
        requests.add(Request.of("GET", with(url, "zz" + "z".repeat(200), "9".repeat(1000))));
        return requests;
    }

    /** The URL with the query parameter set to the value (already encoded). */
    static String with(String url, String parameter, String value) {
        int query = url.indexOf('?');
        Map<String, String> parameters = new LinkedHashMap<>();
        if (query >= 0) {
            for (String pair : url.substring(query + 1).split("&")) {
                int equals = pair.indexOf('=');
                parameters.put(pair.substring(0, equals), pair.substring(equals + 1));
            }
        }
        parameters.put(parameter, value);
        return (query >= 0 ? url.substring(0, query) : url) + "?" + parameters.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + entry.getValue()).collect(Collectors.joining("&"));
    }

    /** The same request on each hostile id in place of {@code {id}}. */
    static List<Request> onHostileIds(String method, String template, String contentType, String body) {
        List<Request> requests = new ArrayList<>();
        for (String id : HOSTILE_IDS) {
            String url = template.replace("{id}", id);
            requests.add(new Request(method + " " + abbreviated(url), method, url, contentType,
                    body == null ? null : body.getBytes(StandardCharsets.UTF_8), false));
        }
        return requests;
    }

    private static List<String> spoiled(Kind kind) {
        return switch (kind) {
            case KEY -> List.of(text(LONGEST_KEY + 1), "\"\\u0000\"", "{\"x\":1}");
            case TEXT -> List.of(text(LONGEST_TEXT + 1), "\"\\u0001\"", "\"a\\udc00\"");
            case AMOUNT -> List.of("\"1.001\"", "-1.00", "\"1e999999999\"", "\"NaN\"", "{\"x\":1}",
                    "\"12345678901234.00\"");
            case ENUM -> List.of("\"WHATEVER\"", "{\"x\":1}");
            case DATE -> List.of("\"+5874898-01-01\"", "\"2026-02-30\"", "\"9999-12-31\"");
            case PERIOD_DATE -> List.of("\"2026-02-30\"", "{\"x\":1}", "20261231");
            case BOOLEAN -> List.of("\"maybe\"", "[true]");
            case SECONDS -> List.of("-1", "99999999999999999999", "2592001");
            case LINES -> List.of("\"x\"", "[null]", lines(501, "\"1\"", "\"description\""),
                    lines(1, "\"1e999999999\"", "\"d\""), lines(1, "\"0.0001\"", "\"d\""),
                    lines(1, "\"1\"", text(LONGEST_TEXT + 1)));
        };
    }

    private static String lines(int count, String quantity, String description) {
        String line = "{\"description\":" + description + ",\"quantity\":" + quantity + ",\"unitPrice\":\"0.01\"}";
        return "[" + String.join(",", java.util.Collections.nCopies(count, line)) + "]";
    }

    private static String text(int length) {
        return "\"" + "é".repeat(length) + "\"";
    }

    /** The good body (JSON) with one field's value replaced; none when {@code name} is null. */
    private static String body(List<Field> fields, String name, String value) {
        Map<String, String> values = new LinkedHashMap<>();
        fields.forEach(field -> values.put(field.name(), field.good()));
        if (name != null) {
            values.put(name, value);
        }
        StringBuilder json = new StringBuilder("{");
        values.forEach((field, json1) -> json.append(json.length() > 1 ? "," : "").append('"').append(field)
                .append("\":").append(json1));
        return json.append('}').toString();
    }

    private static String abbreviated(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "…(" + text.length() + ")";
    }
}
