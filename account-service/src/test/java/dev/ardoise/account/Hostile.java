package dev.ardoise.account;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Generated values near and past every input bound (InputRules, Money): what a register, a client with a bug or an
 * attacker may send. Each arbitrary mixes ordinary values, values at the bound, just past it, absurd ones and null.
 */
public final class Hostile {
    private Hostile() {
    }

    /** Amounts with 0 to 4 decimals, at and past 13 whole digits, zero, negative, absurd exponents, null. */
    public static Arbitrary<BigDecimal> amounts() {
        Arbitrary<BigDecimal> ordinary = Arbitraries.integers().between(0, 4).flatMap(scale -> Arbitraries.bigDecimals()
                .between(new BigDecimal("-1000"), new BigDecimal("5000")).ofScale(scale));
        Arbitrary<BigDecimal> nearTheTop = Arbitraries.of("9999999999999.99", "9999999999999.999", "10000000000000",
                "99999999999999999999.99", "1000000000.00").map(BigDecimal::new);
        Arbitrary<BigDecimal> absurd = Arbitraries.of("1E+999999999", "1E-999999999", "-1E+999999999", "0E-50", "0.00",
                "-0.01", "0.01", "0.001", "1E+3", "1E-2").map(BigDecimal::new);
        Arbitrary<BigDecimal> valid = Arbitraries.bigDecimals().between(new BigDecimal("0.01"), new BigDecimal("90.00"))
                .ofScale(2);
        return Arbitraries.frequencyOf(Tuple.of(10, valid), Tuple.of(3, ordinary), Tuple.of(2, nearTheTop),
                Tuple.of(2, absurd), Tuple.of(1, Arbitraries.just(null)));
    }

    /** Quantities: ordinary, at and past a million and 3 decimals, zero, negative, absurd exponents, null. */
    public static Arbitrary<BigDecimal> quantities() {
        Arbitrary<BigDecimal> ordinary = Arbitraries.integers().between(0, 4).flatMap(scale -> Arbitraries.bigDecimals()
                .between(BigDecimal.ZERO, new BigDecimal("20")).ofScale(scale));
        Arbitrary<BigDecimal> edges = Arbitraries.of("1000000", "1000000.001", "999999.999", "0.001", "0.0001", "0",
                "-1", "1E+999999999", "1E-999999999", "1E+15").map(BigDecimal::new);
        return Arbitraries.frequencyOf(Tuple.of(5, ordinary), Tuple.of(3, edges), Tuple.of(1, Arbitraries.just(null)));
    }

    /** Text for a field bounded at {@code max} characters: lengths max-1, max, max+1, odd Unicode, blank, null. */
    public static Arbitrary<String> texts(int max) {
        Arbitrary<String> ordinary = Arbitraries.strings().alpha().numeric().withChars(" -_'éàç").ofMinLength(1)
                .ofMaxLength(30);
        Arbitrary<String> atTheBound = Arbitraries.integers().between(max - 1, max + 1)
                .flatMap(length -> Arbitraries.strings().alpha().ofLength(length));
        Arbitrary<String> anyChars = Arbitraries.strings().all().ofMaxLength(12);
        Arbitrary<String> odd = Arbitraries.of("", " ", "\t", "\u0000", "a\u0007b", "a\uD800", "\uDC00b",
                "\uD83D\uDE00".repeat(max / 2 + 1), "\u202Eevil\u202C", "\u200B", "\uFEFFbom", "x".repeat(100_000),
                "../../etc/passwd", "' OR 1=1 --", "%00", "\\u0000");
        return Arbitraries.frequencyOf(Tuple.of(12, ordinary), Tuple.of(2, atTheBound), Tuple.of(2, anyChars),
                Tuple.of(2, odd), Tuple.of(1, Arbitraries.just(null)));
    }

    /** Dates around {@code today}: before it, up to and past the three-year horizon, the calendar's ends, null. */
    public static Arbitrary<LocalDate> dates(LocalDate today) {
        Arbitrary<LocalDate> near = Arbitraries.integers().between(-3, 3 * 366 + 3).map(today::plusDays);
        Arbitrary<LocalDate> edges = Arbitraries.of(today.plusYears(3), today.plusYears(3).plusDays(1),
                today.minusDays(1), LocalDate.MAX, LocalDate.MIN, LocalDate.parse("+5874898-01-01"),
                LocalDate.of(9999, 12, 31), LocalDate.EPOCH);
        return Arbitraries.frequencyOf(Tuple.of(5, near), Tuple.of(3, edges), Tuple.of(2, Arbitraries.just(null)));
    }

    /** Seconds a hold or an override lives: at and past 30 days, zero, negative, absurd, null. */
    public static Arbitrary<Long> seconds() {
        return Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.longs().between(1, 3600)),
                Tuple.of(2, Arbitraries.of(0L, -1L, 2_592_000L, 2_592_001L, Long.MAX_VALUE, Long.MIN_VALUE)),
                Tuple.of(1, Arbitraries.just(null)));
    }
}
