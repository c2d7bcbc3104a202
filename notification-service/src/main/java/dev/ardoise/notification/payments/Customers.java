package dev.ardoise.notification.payments;

import dev.ardoise.notification.domain.CustomerLanguage;
import dev.ardoise.notification.persistence.Contact;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/** The customer a link was sent to, as this service keeps them: name and language (null when not known here). */
@ApplicationScoped
class Customers {
    record Customer(String name, String language) {
        static final Customer UNKNOWN = new Customer(null, null);

        /** The customer's language, or the browser's for a customer not known here. */
        CustomerLanguage languageOr(CustomerLanguage browsers) {
            return language == null ? browsers : CustomerLanguage.of(language);
        }
    }

    Uni<Customer> of(UUID accountId) {
        return Panache.withSession(() -> Contact.<Contact>findById(accountId))
                .map(contact -> contact == null ? Customer.UNKNOWN : new Customer(contact.name, contact.language));
    }
}
