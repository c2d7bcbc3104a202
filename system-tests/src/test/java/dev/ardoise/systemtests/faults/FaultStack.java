package dev.ardoise.systemtests.faults;

import dev.ardoise.localstack.DevTokens;
import dev.ardoise.localstack.LocalStack;
import dev.ardoise.localstack.StackSettings;
import dev.ardoise.systemtests.Ardoise;
import dev.ardoise.systemtests.MailInbox;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.util.List;
import java.util.Map;

/**
 * The fault tests' own Ardoise, never the one the other system tests share: they kill what it runs. The system
 * tests' settings ({@link Ardoise#settingsIn}) in {@code system-tests/target/fault-stack} (or {@code fault-cluster}),
 * without the console (no fault test reads it), and notification-service given what a fault needs (below). One of
 * each part ({@link #start()}), or the cluster ({@link #startCluster()}): three Kafka nodes, two instances of each
 * service behind their balancers, whose addresses are those the registers call.
 */
final class FaultStack implements AutoCloseable {
    static final List<String> SERVICES = List.of("account-service", "invoice-service", "notification-service");
    private final LocalStack stack;

    private FaultStack(LocalStack stack) {
        this.stack = stack;
    }

    static FaultStack start() {
        return start(Ardoise.settingsIn(Ardoise.home().resolve("system-tests/target/fault-stack")));
    }

    static FaultStack startCluster() {
        return start(Ardoise.settingsIn(Ardoise.home().resolve("system-tests/target/fault-cluster")).asCluster());
    }

    private static FaultStack start(StackSettings stackSettings) {
        StackSettings settings = stackSettings
                .withoutConsole()
                // both account-service instances look for lapsed holds every second, so that their passes meet
                .withEnvironment("account-service", Map.of("HOLDS_EXPIRY_CHECK_INTERVAL", "1s"))
                .withEnvironment("notification-service", Map.of(
                        // an email outlasts the SMTP server down for two minutes: 40 attempts at most 5 s apart
                        "SENDER_MAX_ATTEMPTS", "40", "SENDER_BACKOFF_BASE", "500ms", "SENDER_BACKOFF_MAX", "5s",
                        // an email whose sender was killed mid-send is taken again after 40 s, not 2 minutes; its
                        // record is tried again for 36 s, longer than PostgreSQL's 30 s stop
                        "SENDER_SEND_TIMEOUT", "5s", "SENDER_SENDING_TIMEOUT", "40s"));
        return new FaultStack(LocalStack.start(settings));
    }

    LocalStack stack() {
        return stack;
    }

    DevTokens tokens() {
        return stack.tokens();
    }

    String accountService() {
        return stack.settings().serviceUrl(stack.settings().accountPort());
    }

    String invoiceService() {
        return stack.settings().serviceUrl(stack.settings().invoicePort());
    }

    MailInbox inbox() {
        return new MailInbox(stack.settings().mailApiUrl());
    }

    /** A register's Kafka client settings (principal {@code register}). */
    Map<String, Object> register() {
        return stack.kafkaClient("register");
    }

    /** One of the services' databases, as user postgres (ardoise_accounts, ardoise_invoices...). */
    DataSource database(String name) {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setServerNames(new String[] {"localhost"});
        source.setPortNumbers(new int[] {stack.settings().postgresPort()});
        source.setDatabaseName(name);
        source.setUser("postgres");
        source.setPassword(stack.databasePassword());
        source.setConnectTimeout(5);
        source.setSocketTimeout(30);
        return source;
    }

    @Override
    public void close() {
        stack.close();
    }
}
