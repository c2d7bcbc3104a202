package dev.ardoise.console.web;

import io.quarkus.qute.EngineBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/** Every page is rendered in the request's language: message bundles and {@link Formats} read its locale. */
@ApplicationScoped
public class LocalizedPages {
    @Inject
    Language language;

    void inTheRequestsLanguage(@Observes EngineBuilder engine) {
        engine.addTemplateInstanceInitializer(page -> page.setLocale(language.locale()));
    }
}
