package dev.ardoise.account;

import org.instancio.Instancio;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A property over generated values: {@code count} tries, each answering its outcome ("accepted", "invalid"...). A
 * try that throws (a failed assertion, a NullPointerException the request would turn into a 500) fails the test
 * naming the value it was given and the seed that draws it again (run under {@code InstancioExtension}).
 */
public final class Tries {
    private static final int SHOWN = 600;

    private Tries() {
    }

    public static <T> Outcomes run(int count, Supplier<T> generated, Function<T, String> outcome) {
        Map<String, Integer> counts = new TreeMap<>();
        for (int i = 1; i <= count; i++) {
            T value = generated.get();
            String result;
            try {
                result = outcome.apply(value);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("try " + i + " of " + count + " failed (" + e + ") with " + shown(value)
                        + "; @Seed(" + seed() + "L) on the test draws the same tries", e);
            }
            counts.merge(result, 1, Integer::sum);
        }
        return new Outcomes(count, counts);
    }

    /**
     * The seed of the test's generators. InstancioExtension logs it on a failure, but as a WARN of slf4j that a test
     * JVM without Quarkus does not print; a value made now reports the seed it was drawn with.
     */
    private static long seed() {
        return Instancio.of(Integer.class).asResult().getSeed();
    }

    private static String shown(Object value) {
        String text = String.valueOf(value);
        return text.length() <= SHOWN ? text : text.substring(0, SHOWN) + "... (" + text.length() + " characters)";
    }

    /** How the tries ended, counted by outcome. */
    public record Outcomes(int tries, Map<String, Integer> counts) {
        /**
         * Each outcome came in at least this share of the tries: a property whose tries were nearly all refused on
         * their first field, or nearly all accepted, would prove little.
         */
        public Outcomes eachAtLeast(double share, String... outcomes) {
            for (String outcome : outcomes) {
                int seen = counts.getOrDefault(outcome, 0);
                assertTrue(seen >= share * tries, () -> outcome + " in " + seen + " of " + tries + " tries: " + counts
                        + "; seed " + seed());
            }
            return this;
        }
    }
}
