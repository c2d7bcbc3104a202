package dev.ardoise.console.services;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One name per event type of the catalogue, in both languages, for the back office and the dashboard alike. */
class EventWordsTest {

    @Test
    void every_event_type_of_the_catalogue_has_one_english_and_one_french_name() throws IOException {
        Set<String> keys = EventTypes.ALL.stream().map(EventTypes.EventType::key)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> english = Arrays.stream(EventWords.class.getDeclaredMethods()).map(Method::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        Properties french = new Properties();
        try (Reader file = new InputStreamReader(getClass().getResourceAsStream("/messages/ev_fr-CA.properties"),
                StandardCharsets.UTF_8)) {
            french.load(file);
        }

        assertTrue(keys.contains("event_SaleCharged") && keys.contains("event_CreditHoldExpired"), keys.toString());
        assertEquals(keys, english);
        assertEquals(keys, new TreeSet<>(french.stringPropertyNames()));
        assertTrue(french.values().stream().noneMatch(word -> word.toString().isBlank()));
    }
}
