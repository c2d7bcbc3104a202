package dev.ardoise.console.backoffice;

import dev.ardoise.console.services.EmailWords;
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

/** Every word of the back office is in French too, and every name a service sends that the pages word has one. */
class BackOfficeWordsTest {

    @Test
    void every_english_word_has_its_french() throws IOException {
        hasItsFrench(BackOfficeMessages.class, "/messages/bo_fr-CA.properties");
        hasItsFrench(EmailWords.class, "/messages/mail_fr-CA.properties");
    }

    private void hasItsFrench(Class<?> bundle, String frenchFile) throws IOException {
        Set<String> english = Arrays.stream(bundle.getDeclaredMethods()).map(Method::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        Properties french = new Properties();
        try (Reader file = new InputStreamReader(getClass().getResourceAsStream(frenchFile),
                StandardCharsets.UTF_8)) {
            french.load(file);
        }

        assertEquals(english, new TreeSet<>(french.stringPropertyNames()));
        assertTrue(french.values().stream().noneMatch(word -> word.toString().isBlank()));
    }

    @Test
    void every_status_role_event_and_kind_the_pages_word_has_its_words() {
        Set<String> words = Arrays.stream(BackOfficeMessages.class.getDeclaredMethods()).map(Method::getName)
                .collect(Collectors.toSet());
        check(words, "account_", Words.ACCOUNT_STATUSES);
        check(words, "balance_", Words.BALANCE_STATUSES);
        check(words, "invoice_", Words.INVOICE_STATUSES);
        Set<String> emailWords = Arrays.stream(EmailWords.class.getDeclaredMethods()).map(Method::getName)
                .collect(Collectors.toSet());
        check(emailWords, "email_kind_", Words.EMAIL_KINDS);
        check(emailWords, "email_status_", Words.EMAIL_STATUSES);
        check(words, "skip_", Words.SKIP_REASONS);
        check(words, "role_", Words.ROLES);
        check(words, "method_", Words.PAYMENT_METHODS);
        check(words, "purpose_", Words.DEPOSIT_PURPOSES);
        check(words, "direction_", Words.DIRECTIONS);
        check(words, "origin_", Words.CREDIT_NOTE_ORIGINS);
        check(words, "ledger_", Words.LEDGER_TYPES);
        for (Done done : Done.values()) {
            assertTrue(words.contains(done.key()), done.key());
        }
    }

    private static void check(Set<String> words, String prefix, Set<String> names) {
        for (String name : names) {
            assertTrue(words.contains(prefix + name), prefix + name);
        }
    }
}
