package dev.ardoise.notification.payments;

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
    }

    Uni<Customer> of(UUID accountId) {
        return Panache.withSession(() -> Contact.<Contact>findById(accountId))
                .map(contact -> contact == null ? Customer.UNKNOWN : new Customer(contact.name, contact.language));
    }
}
