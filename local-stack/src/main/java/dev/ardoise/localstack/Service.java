package dev.ardoise.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One of the three Ardoise services, or the console, run from its built jar (production profile) and configured only
 * by environment variables: every one that profile requires, secrets included, comes from the stack.
 */
final class Service implements AutoCloseable {
    static final String CONSOLE = "console";
    /**
     * The services' memory (docs/operations.md, "Memory"). Measured by the benchmark: ~70-100 MB of each is
     * metaspace (up to 19,000 classes; capped well above, as a guard only), ~20 MB code, the rest heap and native.
     * So: a heap that grows from 32 MB up to the service's own maximum ({@link #HEAP}) and is given back after a full
     * collection, thread stacks of 512 KB, direct buffers and Netty's pools bounded, the native heap trimmed every
     * 5 s (C2's compilations leave tens of MB in malloc otherwise) and glibc kept to two malloc arenas
     * ({@link #MEMORY_ENVIRONMENT}).
     */
    static final List<String> MEMORY_OPTIONS = List.of("-Xms32m", "-XX:MinHeapFreeRatio=10",
            "-XX:MaxHeapFreeRatio=20", "-XX:+UseSerialGC", "-Xss512k", "-XX:MaxMetaspaceSize=192m",
            "-XX:ReservedCodeCacheSize=48m", "-XX:MaxDirectMemorySize=32m", "-XX:CICompilerCount=2",
            "-XX:TrimNativeHeapInterval=5000", "-Dio.netty.allocator.numDirectArenas=1",
            "-Dio.netty.allocator.numHeapArenas=1");
    /**
     * Each service's largest heap. 64 MB for all three spent the benchmark in back-to-back full collections:
     * account-service keeps accounts' state (ACCOUNTS_KEPT_EVENTS, 50,000 events: about 30 MB) and copies a long
     * account on each of its commands; invoice-service's rebuild holds every account's fold; notification-service
     * folds batches of 2,000 events. The console holds no data: pages being rendered, the live feed's last events.
     */
    static final Map<String, String> HEAP = Map.of("account-service", "-Xmx160m", "invoice-service", "-Xmx192m",
            "notification-service", "-Xmx128m", CONSOLE, "-Xmx128m");
    static final Map<String, String> MEMORY_ENVIRONMENT = Map.of("MALLOC_ARENA_MAX", "2");

    private final String service;
    private final String name;
    private final int port;
    private final int managementPort;
    private final Map<String, String> environment;
    private final ChildProcess process;
    private volatile boolean frozen;

    private Service(String service, String name, int port, int managementPort, Map<String, String> environment,
                    ChildProcess process) {
        this.service = service;
        this.name = name;
        this.port = port;
        this.managementPort = managementPort;
        this.environment = Map.copyOf(environment);
        this.process = process;
    }

    /**
     * Starts an instance of {@code name} from its jar, on {@code ports}; {@code database} is null for the console,
     * which owns no data. Every variable the production profile requires comes from the stack, then
     * {@link StackSettings#extraEnvironment()}. The instance's log is {@code instance.log}.
     */
    static Service start(StackSettings settings, Secrets secrets, String name, String instance,
                         Cluster.Instance ports, String database) {
        int port = ports.port();
        int managementPort = ports.managementPort();
        Path jar = settings.home().resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException("build the project first: " + jar + " is missing");
        }
        Map<String, String> environment = new HashMap<>(Map.ofEntries(
                Map.entry("HTTP_PORT", String.valueOf(port)),
                Map.entry("MANAGEMENT_PORT", String.valueOf(managementPort)),
                Map.entry("TOKEN_ISSUER", DevTokens.ISSUER),
                Map.entry("TOKEN_PUBLIC_KEY_LOCATION", secrets.publicKey().toString()),
                Map.entry("TOKEN_AUDIENCE", DevTokens.AUDIENCE),
                Map.entry("KAFKA_BOOTSTRAP_SERVERS", settings.kafkaBootstrap()),
                Map.entry("KAFKA_SECURITY_PROTOCOL", KafkaBroker.SECURITY_PROTOCOL),
                Map.entry("KAFKA_SASL_MECHANISM", KafkaBroker.SASL_MECHANISM),
                Map.entry("KAFKA_USERNAME", name),
                Map.entry("KAFKA_PASSWORD", secrets.kafkaPassword(name))));
        if (database != null) {
            environment.putAll(Map.of(
                    "SWAGGER_UI_ENABLED", "true",
                    "DB_HOST", "localhost",
                    "DB_PORT", String.valueOf(settings.postgresPort()),
                    "DB_NAME", database,
                    "DB_USER", Postgres.USER,
                    "DB_PASSWORD", secrets.databasePassword()));
        }
        if (name.equals("notification-service")) {
            environment.putAll(Map.of(
                    "SMTP_HOST", "127.0.0.1",
                    "SMTP_PORT", String.valueOf(settings.smtpPort()),
                    "SMTP_PASSWORD", secrets.smtpPassword(),
                    "INVOICE_SERVICE_URL", settings.serviceUrl(settings.invoicePort()),
                    "PAYMENTS_LINK_SECRET", secrets.paymentLinkSecret(),
                    // its own key, not the issuer's: only invoice-service trusts it, and for SERVICE tokens only
                    "SERVICE_TOKEN_SIGNING_KEY_LOCATION", secrets.serviceTokenPrivateKey().toString(),
                    "SERVICE_TOKEN_KEY_ID", DevTokens.SERVICE_KEY_ID));
            environment.putAll(onlinePayments(settings, secrets));
        }
        if (name.equals("account-service")) {
            environment.put("PAYMENTS_PROVIDER", "test");
            environment.put("PAYMENTS_TEST_PROVIDER_ALLOWED", "true");
            environment.put("PAYMENTS_PROVIDER_CALLBACK_SECRET", secrets.providerCallbackSecret());
        }
        if (name.equals("invoice-service")) {
            environment.put("TOKEN_PUBLIC_KEY_LOCATION", secrets.invoiceServiceVerifyKeys().toString());
            environment.put("SERVICE_TOKEN_KEY_ID", DevTokens.SERVICE_KEY_ID);
        }
        if (name.equals(CONSOLE)) {
            environment.putAll(consoleEnvironment(settings, secrets));
        }
        environment.putAll(MEMORY_ENVIRONMENT);
        environment.putAll(settings.extraEnvironment().getOrDefault(name, Map.of()));
        List<String> command = new ArrayList<>(List.of(Java.executable()));
        command.addAll(MEMORY_OPTIONS);
        command.add(HEAP.getOrDefault(name, "-Xmx128m"));
        command.addAll(settings.jvmOptions());
        command.addAll(List.of("-jar", jar.toString()));
        ChildProcess process = ChildProcess.start(instance, command, environment,
                settings.logs().resolve(instance + ".log"));
        return new Service(name, instance, port, managementPort, environment, process);
    }

    /**
     * The console is the local stack's identity provider: it signs the tokens of its users (users file, issuer's
     * private key) and verifies them as the services do. On plain HTTP its session cookie cannot be Secure. It calls
     * the services with the user's token and reads account-service's metrics for the outbox lag.
     */
    private static Map<String, String> consoleEnvironment(StackSettings settings, Secrets secrets) {
        return Map.of(
                "CONSOLE_LOCAL_USERS_FILE", secrets.consoleUsers().toString(),
                "CONSOLE_SIGNING_KEY_LOCATION", secrets.privateKey().toString(),
                "CONSOLE_SIGNING_KEY_ID", DevTokens.KEY_ID,
                "CONSOLE_SECURE_COOKIE", "false",
                "ACCOUNT_SERVICE_URL", settings.serviceUrl(settings.accountPort()),
                "INVOICE_SERVICE_URL", settings.serviceUrl(settings.invoicePort()),
                "NOTIFICATION_SERVICE_URL", settings.serviceUrl(settings.notificationPort()),
                "ACCOUNT_SERVICE_METRICS_URL", settings.serviceUrl(settings.accountManagementPort()) + "/q/metrics");
    }

    void awaitHealthy(StackSettings settings) {
        awaitHealthy(settings, Duration.ofSeconds(120));
    }

    void awaitHealthy(StackSettings settings, Duration timeout) {
        process.awaitHealthy(settings.serviceUrl(managementPort) + "/q/health/ready", timeout);
    }

    /** The instance's name: the service's, or in a cluster {@code account-service-1}, {@code -2}. */
    String name() {
        return name;
    }

    /** The service it is an instance of. */
    String service() {
        return service;
    }

    int port() {
        return port;
    }

    int managementPort() {
        return managementPort;
    }

    /**
     * Online payments on, with the test provider served by notification-service (docs/payments.md): the email's link
     * leads to the pay page, "Pay (test)" sends account-service a callback signed with the secret both are given.
     */
    private static Map<String, String> onlinePayments(StackSettings settings, Secrets secrets) {
        return Map.of(
                "PAYMENTS_ONLINE_ENABLED", "true",
                "PAYMENTS_LINK_BASE_URL", settings.serviceUrl(settings.notificationPort()) + "/pay",
                "PAYMENTS_PROVIDER", "test",
                "PAYMENTS_TEST_PROVIDER_ALLOWED", "true",
                "PAYMENTS_PROVIDER_CALLBACK_URL",
                settings.serviceUrl(settings.accountPort()) + "/payment-provider/callbacks",
                "PAYMENTS_PROVIDER_CALLBACK_SECRET", secrets.providerCallbackSecret());
    }

    /** The variables it was started with, secrets included. */
    Map<String, String> environment() {
        return environment;
    }

    ProcessHandle process() {
        return process.handle();
    }

    /** SIGKILL, and waits until it is dead: {@link ChildProcess#kill()}. */
    void kill() {
        process.kill();
    }

    /** SIGSTOP: it holds its connections and sessions but runs no code until {@link #thaw()}. */
    void freeze() {
        process.signal("STOP");
        frozen = true;
    }

    /** SIGCONT after {@link #freeze()}. */
    void thaw() {
        process.signal("CONT");
        frozen = false;
    }

    /** Asks it to stop without waiting, so that several can stop at once; {@link #close()} waits. */
    void askToStop() {
        thawIfFrozen();
        process.askToStop();
    }

    @Override
    public void close() {
        thawIfFrozen();
        process.close();
    }

    /** A stopped process would not act on SIGTERM: the stack's close would wait for its kill instead. */
    private void thawIfFrozen() {
        if (frozen && process.handle().isAlive()) {
            try {
                thaw();
            } catch (RuntimeException e) {
                System.err.println("while stopping: " + e.getMessage());
            }
        }
    }
}
