package dev.ardoise.console.backoffice;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * The three services the back office calls, as stubs (the real ones are other Quarkus applications, out of reach
 * of the console's tests): see {@link AccountServiceStub}, {@link InvoiceServiceStub},
 * {@link NotificationServiceStub}. Each checks the token it is shown and keeps what it was asked.
 */
public class BackOfficeServices implements QuarkusTestResourceLifecycleManager {
    private StubServer[] stubs;

    @Override
    public Map<String, String> start() {
        Marie marie = new Marie();
        StubServer accounts = new AccountServiceStub(marie);
        StubServer invoices = new InvoiceServiceStub(marie);
        StubServer notifications = new NotificationServiceStub();
        stubs = new StubServer[] {accounts, invoices, notifications};
        return Map.of("quarkus.rest-client.account-service.url", accounts.url(),
                "quarkus.rest-client.invoice-service.url", invoices.url(),
                "quarkus.rest-client.notification-service.url", notifications.url());
    }

    @Override
    public void stop() {
        for (StubServer stub : stubs) {
            stub.stop();
        }
    }
}
