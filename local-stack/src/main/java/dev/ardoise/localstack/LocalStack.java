package dev.ardoise.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Starts Ardoise on one machine without Docker: PostgreSQL, a Kafka broker, an SMTP server that keeps the mail,
 * then the three services from their built jars; waits until all are healthy. Closing it stops everything it
 * started, newest first.
 */
public final class LocalStack implements AutoCloseable {
    private final StackSettings settings;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private List<Service> services = List.of();
    private boolean closed;

    private LocalStack(StackSettings settings) {
        this.settings = settings;
    }

    public static LocalStack start(StackSettings settings) {
        LocalStack stack = new LocalStack(settings);
        try {
            stack.startAll();
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private void startAll() {
        if (!settings.keepData()) {
            deleteWorkFolder();
        }
        createLogFolder();
        track(Postgres.start(settings));
        track(KafkaBroker.start(settings));
        track(MailCatcher.start(settings));
        services = List.of(
                track(Service.start(settings, "account-service", settings.accountPort(), "ardoise_accounts")),
                track(Service.start(settings, "invoice-service", settings.invoicePort(), "ardoise_invoices")),
                track(Service.start(settings, "notification-service", settings.notificationPort(),
                        "ardoise_notifications")));
        services.forEach(service -> service.awaitHealthy(settings));
    }

    /**
     * Starting afresh: the database, the broker's log and the logs all go, so that nothing old is replayed. Only
     * the folders the stack made are deleted, whatever ARDOISE_STACK_DIR points at.
     */
    private void deleteWorkFolder() {
        for (String made : List.of("postgres", "kafka", "logs")) {
            Path folder = settings.workDir().resolve(made);
            if (Files.exists(folder)) {
                try (var paths = Files.walk(folder)) {
                    paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    private void createLogFolder() {
        try {
            Files.createDirectories(settings.logs());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Remembers what to stop; if the stack was closed meanwhile (Ctrl-C during start), stops it at once. */
    private synchronized <T extends AutoCloseable> T track(T part) {
        started.push(part);
        if (closed) {
            close();
            throw new IllegalStateException("stopped while starting");
        }
        return part;
    }

    public String summary() {
        StringBuilder text = new StringBuilder("\nArdoise is running.\n\n");
        for (Service service : services) {
            String url = settings.serviceUrl(service.port());
            text.append("  %-21s %s   Swagger UI %s/q/swagger-ui   health %s/q/health%n"
                    .formatted(service.name(), url, url, url));
        }
        text.append("""

                  Kafka bootstrap       %s   (topics account-events, pos-sales, pos-sale-results, pos-sales.dlq)
                  PostgreSQL            localhost:%d   user postgres / postgres, databases %s
                  SMTP                  localhost:%d   every message is kept, none leaves the machine
                  Mail received         %s/api/user/<email>/messages/INBOX   (API and Swagger UI at %s)
                  Logs                  %s

                Press Ctrl-C to stop everything.
                """.formatted(settings.kafkaBootstrap(), settings.postgresPort(), Postgres.DATABASES,
                settings.smtpPort(), settings.mailApiUrl(), settings.mailApiUrl(), settings.logs()));
        return text.toString();
    }

    @Override
    public synchronized void close() {
        closed = true;
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                System.err.println("while stopping: " + e.getMessage());
            }
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Path home = Path.of(System.getProperty("ardoise.home", ".")).toAbsolutePath().normalize();
        StackSettings settings = StackSettings.fromEnvironment(home);
        Instant begin = Instant.now();
        System.out.println("Starting PostgreSQL, Kafka, SMTP and the three services (logs in " + settings.logs() + ")...");
        LocalStack stack = new LocalStack(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping Ardoise...");
            stack.close();
            stopped.countDown();
        }, "local-stack-shutdown"));
        try {
            stack.startAll();
        } catch (RuntimeException e) {
            System.err.println("Ardoise could not start: " + e.getMessage());
            System.exit(1);
        }
        System.out.print(stack.summary());
        System.out.println("Started in " + Duration.between(begin, Instant.now()).toSeconds() + " s.");
        stopped.await();
    }
}
