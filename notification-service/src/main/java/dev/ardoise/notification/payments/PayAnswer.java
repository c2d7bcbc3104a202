package dev.ardoise.notification.payments;

import java.net.URI;

/** What the pay page answers: a page, or the customer sent on (to the provider's checkout). */
sealed interface PayAnswer {
    record Page(PayView view) implements PayAnswer {
    }

    record SeeOther(URI location) implements PayAnswer {
    }
}
