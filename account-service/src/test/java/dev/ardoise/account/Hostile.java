package dev.ardoise.account;

import org.instancio.generator.specs.BigDecimalSpec;
import org.instancio.generator.specs.IntegerSpec;
import org.instancio.generator.specs.LongSpec;
import org.instancio.generator.specs.StringSpec;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

import static org.instancio.Instancio.gen;

/**
 * Generated values near and past every input bound (InputRules, Money): what a register, a client with a bug or an
 * attacker may send. Each kind mixes ordinary values, values at the bound, just past it, absurd ones and null.
 *
 * <p>Drawn from Instancio's generators. Make one inside a test run with {@code InstancioExtension} (in the test or a
 * {@code @BeforeEach}, not in a field initialiser): every value then follows that test's seed, which {@link Tries}
 * names on a failure, and {@code @Seed(N)} on the test draws the same values again.
 */
public final class Hostile {
    private static final List<BigDecimal> NEAR_THE_TOP = decimals("9999999999999.99", "9999999999999.999",
            "10000000000000", "99999999999999999999.99", "1000000000.00");
    private static final List<BigDecimal> ABSURD_AMOUNTS = decimals("1E+999999999", "1E-999999999", "-1E+999999999",
            "0E-50", "0.00", "-0.01", "0.01", "0.001", "1E+3", "1E-2");
    private static final List<BigDecimal> EDGE_QUANTITIES = decimals("1000000", "1000000.001", "999999.999", "0.001",
            "0.0001", "0", "-1", "1E+999999999", "1E-999999999", "1E+15");
    private static final List<String> ODD_TEXTS = List.of("", " ", "\t", "\u0000", "a\u0007b", "a\uD800", "\uDC00b",
            "\u202Eevil\u202C", "\u200B", "\uFEFFbom", "x".repeat(100_000), "../../etc/passwd", "' OR 1=1 --", "%00",
            "\\u0000", "éàç ñ", "\uD83D\uDE00");
    private static final List<Long> EDGE_SECONDS = List.of(0L, -1L, 2_592_000L, 2_592_001L, Long.MAX_VALUE,
            Long.MIN_VALUE);

    private final IntegerSpec dice = gen().ints().range(0, 999_999);
    private final StringSpec words = gen().string().mixedCase().alphaNumeric().length(1, 20);
    private final StringSpec accented = gen().string().unicode(Character.UnicodeBlock.LATIN_1_SUPPLEMENT).length(1, 8);
    private final BigDecimalSpec valid = gen().math().bigDecimal().range(new BigDecimal("0.01"), new BigDecimal("90.00"))
            .scale(2);
    private final List<BigDecimalSpec> ordinaryAmounts = IntStream.rangeClosed(0, 4).mapToObj(scale -> gen().math()
            .bigDecimal().range(new BigDecimal("-1000"), new BigDecimal("5000")).scale(scale)).toList();
    private final List<BigDecimalSpec> ordinaryQuantities = IntStream.rangeClosed(0, 4).mapToObj(scale -> gen().math()
            .bigDecimal().range(BigDecimal.ZERO, new BigDecimal("20")).scale(scale)).toList();
    private final LongSpec shortSeconds = gen().longs().range(1L, 3600L);

    /** An index drawn with these weights: {@code pick(3, 1)} answers 0 three times in four. */
    public int pick(int... weights) {
        int roll = between(0, IntStream.of(weights).sum() - 1);
        int index = 0;
        while (roll >= weights[index]) {
            roll -= weights[index++];
        }
        return index;
    }

    /** A number from {@code min} to {@code max}, both included (a span of at most a million). */
    public int between(int min, int max) {
        return min + dice.get() % (max - min + 1);
    }

    @SafeVarargs
    public final <T> T oneOf(T... values) {
        return values[between(0, values.length - 1)];
    }

    public <T> T oneOf(List<T> values) {
        return values.get(between(0, values.size() - 1));
    }

    /** Amounts with 0 to 4 decimals, at and past 13 whole digits, zero, negative, absurd exponents, null. */
    public BigDecimal amount() {
        return switch (pick(10, 3, 2, 2, 1)) {
            case 0 -> valid.get();
            case 1 -> oneOf(ordinaryAmounts).get();
            case 2 -> oneOf(NEAR_THE_TOP);
            case 3 -> oneOf(ABSURD_AMOUNTS);
            default -> null;
        };
    }

    /** Quantities: ordinary, at and past a million and 3 decimals, zero, negative, absurd exponents, null. */
    public BigDecimal quantity() {
        return switch (pick(5, 3, 1)) {
            case 0 -> oneOf(ordinaryQuantities).get();
            case 1 -> oneOf(EDGE_QUANTITIES);
            default -> null;
        };
    }

    /** Text for a field bounded at {@code max} characters: lengths max-1, max, max+1, odd Unicode, blank, null. */
    public String text(int max) {
        return switch (pick(12, 2, 2, 2, 1)) {
            case 0 -> pick(3, 1) == 0 ? words.get() : words.get() + " " + accented.get();
            case 1 -> letters(between(max - 1, max + 1));
            case 2 -> anyChars(between(0, 12));
            case 3 -> pick(1, 4) == 0 ? "\uD83D\uDE00".repeat(max / 2 + 1) : oneOf(ODD_TEXTS);
            default -> null;
        };
    }

    /** An ordinary name or id, always within bounds: 1 to 20 letters and digits. */
    public String word() {
        return words.get();
    }

    /** Dates around {@code today}: before it, up to and past the three-year horizon, the calendar's ends, null. */
    public LocalDate date(LocalDate today) {
        return switch (pick(5, 3, 2)) {
            case 0 -> today.plusDays(between(-3, 3 * 366 + 3));
            case 1 -> oneOf(today.plusYears(3), today.plusYears(3).plusDays(1), today.minusDays(1), LocalDate.MAX,
                    LocalDate.MIN, LocalDate.parse("+5874898-01-01"), LocalDate.of(9999, 12, 31), LocalDate.EPOCH);
            default -> null;
        };
    }

    /** Seconds a hold or an override lives: at and past 30 days, zero, negative, absurd, null. */
    public Long seconds() {
        return switch (pick(3, 2, 1)) {
            case 0 -> shortSeconds.get();
            case 1 -> oneOf(EDGE_SECONDS);
            default -> null;
        };
    }

    /** Up to {@code maxLength} of any UTF-16 units: controls, lone surrogates, private use, noncharacters. */
    public String anyText(int maxLength) {
        return anyChars(between(0, maxLength));
    }

    private String anyChars(int length) {
        StringBuilder chars = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            chars.append((char) between(0, 0xFFFF));
        }
        return chars.toString();
    }

    private String letters(int length) {
        StringBuilder letters = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            letters.append((char) ('a' + between(0, 25)));
        }
        return letters.toString();
    }

    private static List<BigDecimal> decimals(String... values) {
        return List.of(values).stream().map(BigDecimal::new).toList();
    }
}
