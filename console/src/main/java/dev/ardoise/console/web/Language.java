package dev.ardoise.console.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import jakarta.ws.rs.core.HttpHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Locale;

/**
 * The language of the pages: the user's choice (a cookie) or the merchant's ({@code CONSOLE_LANGUAGE}). French is
 * Canadian French, as the stores' customers read it: amounts as {@code 1 000,00 $} and dates as {@code 2 déc. 2026}.
 */
@RequestScoped
@Named("language")
public class Language {
    public static final String COOKIE = "ardoise-language";
    private final String code;

    Language(HttpHeaders headers, @ConfigProperty(name = "ardoise.console.language") String merchantsChoice) {
        var chosen = headers.getCookies().get(COOKIE);
        this.code = known(chosen == null ? null : chosen.getValue()) ? chosen.getValue()
                : known(merchantsChoice) ? merchantsChoice : "en";
    }

    public static boolean known(String code) {
        return "en".equals(code) || "fr".equals(code);
    }

    /** {@code en} or {@code fr}, for {@code <html lang>} and the language switch. */
    public String code() {
        return code;
    }

    public Locale locale() {
        return "fr".equals(code) ? Locale.CANADA_FRENCH : Locale.CANADA;
    }
}
