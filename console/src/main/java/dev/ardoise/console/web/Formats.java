package dev.ardoise.console.web;

import io.quarkus.qute.TemplateExtension;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;

/**
 * Amounts and dates in the page's language, in templates: {@code {line.owed.money(line.currency)}},
 * {@code {invoice.dueDate.day}}, {@code {event.occurredAt.moment}}. The services send amounts as exact decimal
 * strings; they are shown to the currency's scale, never through a double.
 */
@TemplateExtension
public class Formats {

    static String money(String amount, String currency, @TemplateExtension.TemplateAttribute("locale") Object locale) {
        if (amount == null || amount.isBlank()) {
            return "";
        }
        Locale shown = locale(locale);
        NumberFormat format = NumberFormat.getCurrencyInstance(shown);
        Currency known = Currency.getInstance(currency == null ? "CAD" : currency);
        format.setCurrency(known);
        if ("CA".equals(shown.getCountry()) && "CAD".equals(known.getCurrencyCode())
                && format instanceof DecimalFormat decimal) {
            // in Canada the dollar is "$" in both languages (1 000,00 $), where the JDK writes "$ CA" in French
            DecimalFormatSymbols symbols = decimal.getDecimalFormatSymbols();
            symbols.setCurrencySymbol("$");
            decimal.setDecimalFormatSymbols(symbols);
        }
        format.setMinimumFractionDigits(known.getDefaultFractionDigits());
        format.setMaximumFractionDigits(known.getDefaultFractionDigits());
        return format.format(new BigDecimal(amount));
    }

    static String day(String isoDate, @TemplateExtension.TemplateAttribute("locale") Object locale) {
        if (isoDate == null || isoDate.isBlank()) {
            return "";
        }
        return LocalDate.parse(isoDate.substring(0, 10))
                .format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale(locale)));
    }

    /** An instant on the store's clock ({@code STORE_TIME_ZONE}), as the merchant reads the day, not in UTC. */
    static String moment(String isoInstant, @TemplateExtension.TemplateAttribute("locale") Object locale,
                         @TemplateExtension.TemplateAttribute(LocalizedPages.TIME_ZONE) Object timeZone) {
        if (isoInstant == null || isoInstant.isBlank()) {
            return "";
        }
        ZoneId zone = timeZone instanceof ZoneId storeZone ? storeZone : ZoneOffset.UTC;
        return OffsetDateTime.parse(isoInstant).atZoneSameInstant(zone)
                .format(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(locale(locale)));
    }

    private static Locale locale(Object attribute) {
        return attribute instanceof Locale locale ? locale : Locale.CANADA;
    }
}
