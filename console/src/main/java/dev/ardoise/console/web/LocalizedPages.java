package dev.ardoise.console.web;

import io.quarkus.qute.EngineBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.ZoneId;

/**
 * Every page is rendered in the request's language and on the store's clock: message bundles and {@link Formats}
 * read its locale and time zone.
 */
@ApplicationScoped
public class LocalizedPages {
    static final String TIME_ZONE = "timeZone";

    @Inject
    Language language;
    @ConfigProperty(name = "ardoise.console.time-zone")
    ZoneId storeTimeZone;

    void inTheRequestsLanguage(@Observes EngineBuilder engine) {
        engine.addTemplateInstanceInitializer(page -> page.setLocale(language.locale())
                .setAttribute(TIME_ZONE, storeTimeZone));
    }
}
