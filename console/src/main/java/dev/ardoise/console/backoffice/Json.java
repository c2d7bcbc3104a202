package dev.ardoise.console.backoffice;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Reading the services' JSON: members that may be absent or null, lists that may be missing. */
final class Json {
    private Json() {
    }

    /** The member as text, null when absent or null (amounts stay the exact decimal strings they were sent as). */
    static String text(JsonNode node, String member) {
        JsonNode value = node == null ? null : node.get(member);
        return value == null || value.isNull() ? null : value.asText();
    }

    static <T> List<T> list(JsonNode array, Function<JsonNode, T> item) {
        List<T> items = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(element -> items.add(item.apply(element)));
        }
        return items;
    }
}
