package dev.ardoise.systemtests;

import dev.ardoise.events.AccountEvent;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Operations read the topics from the docs, so the docs must say what the code publishes: every event type of
 * {@code dev.ardoise.events}, with exactly its fields, in the AsyncAPI document and in the event catalogue.
 */
class ContractDocsTest {
    private static final Path HOME = Path.of(System.getProperty("ardoise.home", "..")).toAbsolutePath().normalize();
    private static final List<Class<?>> EVENT_TYPES = List.of(AccountEvent.class.getPermittedSubclasses());

    @Test
    void the_asyncapi_document_describes_every_event_with_exactly_its_fields() throws IOException {
        Map<String, Object> schemas = asyncApiSchemas();

        for (Class<?> type : EVENT_TYPES) {
            Map<String, Object> schema = child(schemas, type.getSimpleName());
            assertEquals(fields(type), new TreeSet<>(child(schema, "properties").keySet()), type.getSimpleName());
        }
        List<?> envelopeTypes = (List<?>) child(child(child(schemas, "Envelope"), "properties"), "type").get("enum");
        assertEquals(EVENT_TYPES.stream().map(Class::getSimpleName).collect(Collectors.toSet()),
                Set.copyOf(envelopeTypes));
    }

    @Test
    void the_event_catalogue_has_a_section_per_event_naming_each_of_its_fields() throws IOException {
        String catalogue = Files.readString(HOME.resolve("docs/event-catalogue.md"));

        for (Class<?> type : EVENT_TYPES) {
            String name = type.getSimpleName();
            assertTrue(Pattern.compile("^### .*\\b" + name + "\\b", Pattern.MULTILINE).matcher(catalogue).find(),
                    "no section for " + name);
            fields(type).forEach(field -> assertTrue(catalogue.contains("`" + field + "`"),
                    name + "." + field + " is not in the catalogue"));
        }
    }

    private static Set<String> fields(Class<?> type) {
        return Arrays.stream(type.getRecordComponents()).map(component -> component.getName())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Map<String, Object> asyncApiSchemas() throws IOException {
        try (Reader reader = Files.newBufferedReader(HOME.resolve("docs/asyncapi.yaml"))) {
            Map<String, Object> document = new Yaml().load(reader);
            return child(child(document, "components"), "schemas");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> child(Map<String, Object> parent, String key) {
        Object child = parent.get(key);
        assertTrue(child instanceof Map, key + " is missing");
        return (Map<String, Object>) child;
    }
}
