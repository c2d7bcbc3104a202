package dev.ardoise.notification.payments;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The local stack's provider ({@code PAYMENTS_PROVIDER=test}), served by this service under
 * {@code /test-payment-provider/}: a checkout is kept in memory under a random session id until "Pay (test)" or
 * "Cancel". No money moves.
 */
public class TestPaymentProvider implements PaymentProvider {
    static final String PATH = "/test-payment-provider/checkout/";
    /** The checkouts kept at most; the oldest is forgotten past it (a test provider, not a ledger). */
    private static final int KEPT = 10_000;

    private final Map<String, Checkout> sessions = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Checkout> eldest) {
            return size() > KEPT;
        }
    };

    @Override
    public synchronized URI checkout(Checkout checkout) {
        String session = UUID.randomUUID().toString().replace("-", "");
        sessions.put(session, checkout);
        return URI.create(PATH + session);
    }

    synchronized Optional<Checkout> session(String session) {
        return Optional.ofNullable(sessions.get(session));
    }
}
