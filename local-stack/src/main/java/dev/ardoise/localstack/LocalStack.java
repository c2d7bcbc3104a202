package dev.ardoise.localstack;

import org.apache.kafka.clients.admin.Admin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * Starts Ardoise on one machine without Docker: PostgreSQL, a Kafka broker and an SMTP server that keeps the mail
 * side by side, then the three services and the console from their built jars at once; waits until all are healthy.
 * Closing it stops everything it started: the services first, then the mail server, the broker and the database.
 * Its secrets (token signing key, passwords, the console's users) are made at its first start and kept in
 * {@code secrets/} of its folder; {@link #tokens()} and {@link #kafkaClient(String)} let a test or a tool act as
 * any role or Kafka principal, {@link #consolePassword()} sign in to the console as any of {@link ConsoleUsers#USERS}.
 */
public final class LocalStack implements AutoCloseable {
    /** What runs from a jar: its name, its ports, its database (none for the console). */
    private record Part(String name, int port, int managementPort, String database) {
    }

    /** One running copy of a part: the part alone, or {@code account-service-1}, {@code -2} in a cluster. */
    private record Copy(Part part, String name, Cluster.Instance ports) {
    }

    private final StackSettings settings;
    /** Starts the database, the broker and the mail server side by side: none needs another to start. */
    private final ExecutorService starting = Executors.newFixedThreadPool(3, part -> {
        Thread thread = new Thread(part, "local-stack-start");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Service> services = new CopyOnWriteArrayList<>();
    private final List<Balancer> balancers = new CopyOnWriteArrayList<>();
    private final List<KafkaBroker> kafka = new CopyOnWriteArrayList<>();
    private volatile Postgres postgres;
    private volatile MailCatcher mail;
    private Secrets secrets;
    private volatile boolean closed;

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
        secrets = Secrets.loadOrCreate(settings.workDir());
        if (!settings.keepData()) {
            deleteWorkFolder();
        } else if (secrets.newDatabasePassword() && Files.exists(settings.workDir().resolve("postgres"))) {
            System.out.println("A new database password was made in " + secrets.folder() + ": the data kept from "
                    + "before cannot be opened with it, starting afresh (as ARDOISE_CLEAN=true does).");
            deleteWorkFolder();
        } else if (KafkaBroker.formattedForOtherNodes(settings)) {
            System.out.println("The Kafka data in " + settings.workDir().resolve("kafka") + " were formatted for "
                    + (settings.clustered() ? "one broker" : "a cluster of three") + ": starting afresh, the database "
                    + "too, whose events the new topics would not hold (as ARDOISE_CLEAN=true does).");
            deleteWorkFolder();
        } else if (KafkaBroker.formattedWithOtherUsers(settings, secrets)) {
            System.out.println("The Kafka data in " + settings.workDir().resolve("kafka") + " were formatted without "
                    + "this stack's SASL users (by an older stack?): starting afresh (as ARDOISE_CLEAN=true does).");
            deleteWorkFolder();
        }
        createLogFolder();
        Future<?> database = starting.submit(() -> postgres = Postgres.start(settings, secrets));
        Future<?> broker = starting.submit(() -> KafkaBroker.startAll(settings, secrets, kafka::add));
        Future<?> mailServer = starting.submit(() -> mail = MailCatcher.start(settings));
        starting.shutdown();
        // the services migrate their database and read their topics as they start: both must be there first
        awaitStarted(database);
        awaitStarted(broker);
        copies().forEach(this::launch);
        startBalancers();
        awaitStarted(mailServer);
        services.forEach(service -> service.awaitHealthy(settings));
    }

    /** Each part waits for itself with a timeout of its own; this only hands on how it ended. */
    private static void awaitStarted(Future<?> part) {
        try {
            part.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting", e);
        }
    }

    /** The three services, and the console unless the settings leave it out. */
    private List<Part> parts() {
        List<Part> parts = new ArrayList<>(List.of(
                new Part("account-service", settings.accountPort(), settings.accountManagementPort(), "ardoise_accounts"),
                new Part("invoice-service", settings.invoicePort(), settings.invoiceManagementPort(), "ardoise_invoices"),
                new Part("notification-service", settings.notificationPort(), settings.notificationManagementPort(),
                        "ardoise_notifications")));
        if (settings.console()) {
            parts.add(new Part(Service.CONSOLE, settings.consolePort(), settings.consoleManagementPort(), null));
        }
        return parts;
    }

    /** Every copy of every part: one of each, or a cluster's two of each service (the console stays one). */
    private List<Copy> copies() {
        List<Copy> copies = new ArrayList<>();
        for (Part part : parts()) {
            List<Cluster.Instance> ports = settings.instances(part.name(), part.port(), part.managementPort());
            for (int n = 1; n <= ports.size(); n++) {
                String name = ports.size() == 1 ? part.name() : part.name() + "-" + n;
                copies.add(new Copy(part, name, ports.get(n - 1)));
            }
        }
        return copies;
    }

    /** In a cluster, each service's ports are its balancer's, which hands each connection to a live instance. */
    private void startBalancers() {
        for (Part part : parts()) {
            if (closed) {
                throw new IllegalStateException("stopped while starting");
            }
            List<Cluster.Instance> ports = settings.instances(part.name(), part.port(), part.managementPort());
            if (ports.size() > 1) {
                balancers.add(Balancer.start(part.name(), part.port(), part.managementPort(), ports));
            }
        }
    }

    /** Launches an instance; if the stack was closed meanwhile (Ctrl-C during start), stops it at once. */
    private void launch(Copy copy) {
        if (closed) {
            throw new IllegalStateException("stopped while starting");
        }
        Part part = copy.part();
        Service service = Service.start(settings, secrets, part.name(), copy.name(), copy.ports(), part.database());
        services.add(service);
        if (closed) {
            service.close();
            throw new IllegalStateException("stopped while starting");
        }
    }

    public StackSettings settings() {
        return settings;
    }

    /** Tokens signed with this stack's key, which its services trust. */
    public DevTokens tokens() {
        return DevTokens.of(settings.workDir());
    }

    /**
     * The settings of a Kafka client that logs in as {@code principal}: {@code admin}, {@code register} or one
     * of the services' names (bootstrap servers included; add serializers or a group).
     */
    public Map<String, Object> kafkaClient(String principal) {
        return KafkaBroker.clientProperties(settings, secrets, principal);
    }

    /** The environment a service was started with (what its production profile requires, secrets included). */
    public Map<String, String> environmentOf(String service) {
        return services.stream().filter(started -> started.service().equals(service)).findFirst()
                .map(Service::environment)
                .orElseThrow(() -> new IllegalArgumentException("no service " + service));
    }

    /** The password of every console user ({@link ConsoleUsers#USERS}) on this stack. */
    public String consolePassword() {
        return secrets.consolePassword();
    }

    /**
     * Every process of the stack by name (the three services, the console, {@code kafka}, {@code postgresql}: its main process,
     * whose children are its backends, and {@code greenmail}), for measuring their memory and CPU. In a cluster, each
     * instance and node by its own name: {@code account-service-1}, {@code kafka-2}...
     */
    public Map<String, ProcessHandle> processes() {
        Map<String, ProcessHandle> processes = new LinkedHashMap<>();
        services.forEach(service -> processes.put(service.name(), service.process()));
        // a part killed or stopped by a fault test is left out until it is started again
        kafka.forEach(broker -> processes.put(broker.name(), broker.process()));
        Postgres database = postgres;
        if (database != null) {
            processes.put("postgresql", database.process());
        }
        if (mail != null) {
            processes.put("greenmail", mail.process());
        }
        return processes;
    }

    /** The instances' names ({@code account-service} alone, {@code account-service-1} and {@code -2} in a cluster). */
    public List<String> instancesOf(String service) {
        return copiesOf(service).map(Copy::name).toList();
    }

    /**
     * The ports of each instance of {@code service}: its own API and management ports, behind the balancer when there
     * are several (to call one instance, or read each one's metrics).
     */
    public List<Cluster.Instance> instancePortsOf(String service) {
        return copiesOf(service).map(Copy::ports).toList();
    }

    private Stream<Copy> copiesOf(String service) {
        return copies().stream().filter(copy -> copy.part().name().equals(service));
    }

    /** Stops one service and waits until it has (e.g. to let a backlog build up in its topic while it reads none). */
    public void stopService(String name) {
        Service service = service(name);
        service.close();
        services.remove(service);
        keepLog(name);
    }

    /**
     * Kills one service with SIGKILL, as a crash does: no shutdown of any kind (no hook, no commit of offsets, no
     * answer to a request in flight, no flush); waits until the process is dead. Its log is kept as
     * {@link #stopService} keeps it; {@link #startService} starts it again.
     */
    public void killService(String name) {
        Service service = service(name);
        service.kill();
        services.remove(service);
        keepLog(name);
    }

    /**
     * Freezes one service with SIGSTOP: it keeps its sockets, its database connections and, as far as it knows, its
     * Kafka partitions, but runs nothing (no heartbeat, no poll, no answer) until {@link #thawService}.
     */
    public void freezeService(String name) {
        service(name).freeze();
    }

    /** Resumes a service {@link #freezeService frozen} before (SIGCONT), where it stopped. */
    public void thawService(String name) {
        service(name).thaw();
    }

    /**
     * Kills Kafka node {@code node} (1 alone, 1 to 3 in a cluster; broker and controller both) with SIGKILL and waits
     * until it is dead; its data folder stays as the kill left it. {@link #startBroker(int)} starts it again.
     */
    public synchronized void killBroker(int node) {
        KafkaBroker broker = broker(node)
                .orElseThrow(() -> new IllegalStateException("Kafka node " + node + " is not running"));
        broker.kill();
        kafka.remove(broker);
        keepLog(broker.name());
    }

    /**
     * Starts Kafka node {@code node} again after {@link #killBroker(int)}: on the same data folder (formatted already,
     * so not formatted again: its topics, offsets and SASL users are those it had), the same ports and users; waits
     * until it listens (alone, until its topics and ACLs are set too).
     */
    public synchronized void startBroker(int node) {
        if (broker(node).isPresent()) {
            throw new IllegalStateException("Kafka node " + node + " is running");
        }
        kafka.add(KafkaBroker.startAgain(settings, secrets, node));
    }

    /** The node that leads the controllers' quorum now (the active controller), as the quorum itself says. */
    public int activeController() {
        try (Admin admin = Admin.create(kafkaClient("admin"))) {
            return admin.describeMetadataQuorum().quorumInfo().get(30, TimeUnit.SECONDS).leaderId();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot ask the Kafka quorum for its leader", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Optional<KafkaBroker> broker(int node) {
        return kafka.stream().filter(broker -> broker.node() == node).findFirst();
    }

    /**
     * Stops PostgreSQL (pg_ctl stop, fast: open connections are cut, committed data stays in its folder) and waits
     * until it has. {@link #startDatabase()} starts it again on the same data and port.
     */
    public synchronized void stopDatabase() {
        if (postgres == null) {
            throw new IllegalStateException("PostgreSQL is not running");
        }
        postgres.close();
        postgres = null;
    }

    /** Starts PostgreSQL again after {@link #stopDatabase()}, on the same data folder and port. */
    public synchronized void startDatabase() {
        if (postgres != null) {
            throw new IllegalStateException("PostgreSQL is running");
        }
        postgres = Postgres.start(settings, secrets);
    }

    /** A process' next start writes a new log: the stopped one's is kept beside it. */
    private void keepLog(String name) {
        Path log = settings.logs().resolve(name + ".log");
        try {
            Files.move(log, log.resolveSibling(name + "-stopped-" + Instant.now().toEpochMilli() + ".log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts again a service {@link #stopService stopped} before, as it was first started; waits until healthy (up
     * to 5 minutes: on a busy machine it may have a backlog to read as it starts).
     */
    public void startService(String name) {
        launch(copies().stream().filter(copy -> copy.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service " + name)));
        service(name).awaitHealthy(settings, Duration.ofMinutes(5));
    }

    /**
     * Stops the SMTP server, and so every email: notification-service's attempts fail until {@link #startMailServer()}
     * (to see an email fail and be retried). The mail it had received goes with it.
     */
    public synchronized void stopMailServer() {
        if (mail == null) {
            throw new IllegalStateException("the mail server is not running");
        }
        mail.close();
        mail = null;
        keepLog("greenmail");
    }

    /** Starts the SMTP server again after {@link #stopMailServer()}, on the same ports; waits until it is ready. */
    public synchronized void startMailServer() {
        if (mail != null) {
            throw new IllegalStateException("the mail server is running");
        }
        mail = MailCatcher.start(settings);
    }

    private Service service(String name) {
        return services.stream().filter(started -> started.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service " + name + " running"));
    }

    /** The password of the database user {@code postgres}. */
    public String databasePassword() {
        return secrets.databasePassword();
    }

    /**
     * Starting afresh: the database, the broker's log and the logs all go, so that nothing old is replayed. Only
     * the folders the stack made are deleted, whatever ARDOISE_STACK_DIR points at; the secrets stay.
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

    public String summary() {
        StringBuilder text = new StringBuilder(settings.clustered()
                ? "\nArdoise is running as a cluster: three Kafka nodes, two instances of each service.\n\n"
                : "\nArdoise is running.\n\n");
        for (Part part : parts()) {
            if (part.name().equals(Service.CONSOLE)) {
                continue;
            }
            String url = settings.serviceUrl(part.port());
            String management = settings.serviceUrl(part.managementPort());
            text.append("  %-21s %s   Swagger UI %s/q/swagger-ui   health %s/q/health   metrics %s/q/metrics%n"
                    .formatted(part.name(), url, url, management, management));
            if (settings.instances(part.name(), part.port(), part.managementPort()).size() > 1) {
                text.append(instanceLine(part));
            }
        }
        text.append("""

                  Kafka bootstrap       %s   SASL_PLAINTEXT, SCRAM-SHA-512; topics %s
                                        kcat -b %s -F %s ...   (a register; as the stack itself: -F %s)
                  PostgreSQL            localhost:%d   user postgres, password in %s ("db"), databases %s
                  SMTP                  localhost:%d   every message is kept, none leaves the machine
                  Mail received         %s/api/user/<email>/messages/INBOX   (API and Swagger UI at %s)
                  Logs                  %s

                """.formatted(settings.kafkaBootstrap(), String.join(", ", KafkaBroker.TOPICS), settings.kafkaBootstrap(),
                secrets.kcatConfiguration("register"), secrets.kcatConfiguration("admin"), settings.postgresPort(),
                secrets.folder().resolve("passwords.properties"), Postgres.DATABASES, settings.smtpPort(),
                settings.mailApiUrl(), settings.mailApiUrl(), settings.logs()));
        if (settings.console()) {
            text.append(consoleLines());
        }
        text.append(readyTokens());
        text.append("\nPress Ctrl-C to stop everything.\n");
        return text.toString();
    }

    /** In a cluster, the service's ports are its balancer's; each instance has its own too. */
    private String instanceLine(Part part) {
        StringBuilder line = new StringBuilder("  %-21s a balancer, to".formatted(""));
        for (Copy copy : copies()) {
            if (copy.part().equals(part)) {
                line.append("  %s on %d (management %d)".formatted(copy.name(), copy.ports().port(),
                        copy.ports().managementPort()));
            }
        }
        return line.append('\n').toString();
    }

    /** Where the console is, and who signs in to it. */
    private String consoleLines() {
        String url = settings.consoleUrl();
        String management = settings.serviceUrl(settings.consoleManagementPort());
        StringBuilder users = new StringBuilder();
        for (ConsoleUsers.User user : ConsoleUsers.USERS) {
            users.append(users.isEmpty() ? "" : ", ").append(user.describe());
        }
        return """
                Console (back office and operators' dashboard, in the browser): %s   health %s/q/health
                  Sign in as %s
                  with the password %s   (kept in %s, "console")

                """.formatted(url, management, users, secrets.consolePassword(),
                secrets.folder().resolve("passwords.properties"));
    }

    /** One token per role, for store MAIN, valid 12 hours: {@code -H "Authorization: Bearer $CASHIER"}. */
    private String readyTokens() {
        DevTokens tokens = tokens();
        Duration validity = Duration.ofHours(12);
        StringBuilder text = new StringBuilder("Tokens for the next 12 hours (store MAIN; docs/security.md says who "
                + "may do what):\n");
        text.append("  CASHIER=").append(tokens.of("CASHIER").register("R1").validFor(validity).sign()).append('\n');
        for (String role : List.of("MANAGER", "VIEWER", "OPERATOR")) {
            text.append("  ").append(role).append('=').append(tokens.of(role).validFor(validity).sign()).append('\n');
        }
        text.append("Any other: ").append(TokenCommand.USAGE).append('\n');
        return text.toString();
    }

    /**
     * Asks the three services and the console to stop at once and waits for them, then stops the mail server, the broker and the
     * database, each once it has started if it was still starting (Ctrl-C during start).
     */
    @Override
    public synchronized void close() {
        closed = true;
        starting.shutdown();
        balancers.forEach(LocalStack::stop);
        services.forEach(Service::askToStop);
        services.forEach(LocalStack::stop);
        try {
            starting.awaitTermination(2, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stop(mail);
        kafka.forEach(KafkaBroker::askToStop);
        kafka.forEach(LocalStack::stop);
        stop(postgres);
    }

    private static void stop(AutoCloseable part) {
        if (part == null) {
            return;
        }
        try {
            part.close();
        } catch (Exception e) {
            System.err.println("while stopping: " + e.getMessage());
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Path home = Path.of(System.getProperty("ardoise.home", ".")).toAbsolutePath().normalize();
        StackSettings settings = StackSettings.fromEnvironment(home);
        Instant begin = Instant.now();
        System.out.println("Starting PostgreSQL, Kafka, SMTP, the three services and the console"
                + (settings.clustered() ? " as a cluster (three Kafka nodes, two instances of each service)" : "")
                + " (logs in " + settings.logs() + ")...");
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
