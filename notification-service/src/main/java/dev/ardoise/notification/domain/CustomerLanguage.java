package dev.ardoise.notification.domain;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;

/**
 * The language an invoice email is written in, and how money, quantities and dates read in it:
 * French (any {@code fr*} tag, written as fr-CA: "1 000,00 $", "29 novembre 2026") or English (anything else,
 * written as en-CA: "$1,000.00", "November 29, 2026").
 */
public enum CustomerLanguage {
    FRENCH(Locale.CANADA_FRENCH, "fr"),
    ENGLISH(Locale.CANADA, "en");

    /** The store's own currency, written with the plain "$" sign in both languages. */
    private static final String HOME_CURRENCY = "CAD";

    private final Locale locale;
    private final String code;

    CustomerLanguage(Locale locale, String code) {
        this.locale = locale;
        this.code = code;
    }

    /** @param languageTag a BCP 47 tag; null or unknown tags read as English */
    public static CustomerLanguage of(String languageTag) {
        if (languageTag == null) {
            return ENGLISH;
        }
        String language = Locale.forLanguageTag(languageTag.trim()).getLanguage();
        return "fr".equals(language) ? FRENCH : ENGLISH;
    }

    /** A short code naming the language, e.g. for choosing the email's template: "fr" or "en". */
    public String code() {
        return code;
    }

    public Locale locale() {
        return locale;
    }

    public String money(BigDecimal amount, String currencyCode) {
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        Currency currency = Currency.getInstance(currencyCode);
        format.setCurrency(currency);
        format.setMinimumFractionDigits(currency.getDefaultFractionDigits());
        format.setMaximumFractionDigits(currency.getDefaultFractionDigits());
        if (HOME_CURRENCY.equals(currencyCode) && format instanceof DecimalFormat decimal) {
            // Some JDKs write CAD as "$ CA" in fr-CA; a Canadian store's customers read their own dollar as "$".
            DecimalFormatSymbols symbols = decimal.getDecimalFormatSymbols();
            symbols.setCurrencySymbol("$");
            decimal.setDecimalFormatSymbols(symbols);
        }
        return format.format(amount);
    }

    public String quantity(BigDecimal quantity) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(3);
        return format.format(quantity);
    }

    public String date(LocalDate date) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(date);
    }
}
