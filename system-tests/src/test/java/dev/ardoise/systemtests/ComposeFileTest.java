package dev.ardoise.systemtests;

import dev.ardoise.localstack.Topics;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docker-compose.yml cannot run on the team's machines (no Docker), so this reads it against the services'
 * configuration: every variable it sets is one the service reads, every variable the service requires (no
 * default: the production profile's secrets, issuer and key) is set, secrets only from the user's environment,
 * and each service gets its own database, port, management port and Kafka principal; the console too, without a
 * database. And the topology of issue 13: three brokers that form one quorum and keep every record on three with two
 * in sync, topics made so, two instances of each service behind a balancer whose configuration serves each port.
 */
class ComposeFileTest {
    private static final Path HOME = Path.of(System.getProperty("ardoise.home", "..")).toAbsolutePath().normalize();
    private static final Map<String, List<String>> SERVICES = Map.of(
            "account-service", List.of("ardoise_accounts", "8081", "9081"),
            "invoice-service", List.of("ardoise_invoices", "8082", "9082"),
            "notification-service", List.of("ardoise_notifications", "8083", "9083"));
    /** A variable read as ${NAME} with no default: a start without it fails. */
    private static final Pattern REQUIRED = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)}");
    private static final Set<String> SECRETS = Set.of("DB_PASSWORD", "SMTP_PASSWORD", "PAYMENTS_LINK_SECRET");
    private static final List<String> BROKERS = List.of("kafka-1", "kafka-2", "kafka-3");
    private static final String BOOTSTRAP = "kafka-1:9092,kafka-2:9092,kafka-3:9092";

    @Test
    void every_variable_compose_sets_is_read_by_the_service_and_names_its_own_database_and_port() throws IOException {
        Map<String, Map<String, Object>> compose = services();

        SERVICES.forEach((service, expected) -> {
            Map<String, Object> environment = environment(compose.get(service));
            String configuration = configuration(service);
            environment.keySet().forEach(variable -> assertTrue(configuration.contains("${" + variable + ":")
                            || configuration.contains("${" + variable + "}"),
                    service + " does not read " + variable + " that docker-compose.yml sets"));
            assertEquals(expected.get(0), String.valueOf(environment.get("DB_NAME")), service);
            assertEquals(expected.get(1), String.valueOf(environment.get("HTTP_PORT")), service);
            assertEquals(expected.get(2), String.valueOf(environment.get("MANAGEMENT_PORT")), service);
            assertNull(compose.get(service).get("ports"),
                    service + ": two instances cannot share a host port; the balancer owns it");
            assertEquals(BOOTSTRAP, environment.get("KAFKA_BOOTSTRAP_SERVERS"), service);
            assertEquals(service, environment.get("KAFKA_USERNAME"), service);
        });
    }

    @Test
    void compose_sets_every_variable_the_production_profile_requires_and_takes_secrets_from_the_user()
            throws IOException {
        Map<String, Map<String, Object>> compose = services();

        SERVICES.keySet().forEach(service -> {
            Map<String, Object> environment = environment(compose.get(service));
            Matcher required = REQUIRED.matcher(configuration(service));
            while (required.find()) {
                assertTrue(environment.containsKey(required.group(1)),
                        service + " requires " + required.group(1) + " and docker-compose.yml does not set it");
            }
            environment.forEach((variable, value) -> {
                if (SECRETS.contains(variable)) {
                    assertTrue(String.valueOf(value).startsWith("${" + variable + ":?"),
                            service + ": " + variable + " must come from the user's environment, not the file");
                }
            });
        });
    }

    @Test
    void compose_runs_the_console_with_what_it_reads_on_its_ports_as_kafka_principal_console_without_a_database() {
        Map<String, Object> console = compose("console");
        Map<String, Object> environment = environment(console);
        String configuration = configuration("console");

        environment.keySet().forEach(variable -> assertTrue(configuration.contains("${" + variable + ":")
                || configuration.contains("${" + variable + "}"), "the console does not read " + variable));
        Matcher required = REQUIRED.matcher(configuration);
        while (required.find()) {
            assertTrue(environment.containsKey(required.group(1)), "the console requires " + required.group(1));
        }
        assertEquals("8084", environment.get("HTTP_PORT"));
        assertEquals("9084", environment.get("MANAGEMENT_PORT"));
        assertTrue(String.valueOf(console.get("ports")).contains("8084:8084")
                && String.valueOf(console.get("ports")).contains("9084:9084"), String.valueOf(console.get("ports")));
        assertEquals(BOOTSTRAP, environment.get("KAFKA_BOOTSTRAP_SERVERS"));
        assertEquals("console", environment.get("KAFKA_USERNAME"));
        assertEquals("http://balancer:8081", environment.get("ACCOUNT_SERVICE_URL"));
        assertEquals("http://balancer:8082", environment.get("INVOICE_SERVICE_URL"));
        assertEquals("http://balancer:8083", environment.get("NOTIFICATION_SERVICE_URL"));
        assertEquals("http://account-service:9081/q/metrics", environment.get("ACCOUNT_SERVICE_METRICS_URL"));
        assertTrue(environment.keySet().stream().noneMatch(variable -> variable.startsWith("DB_")),
                "the console owns no data: " + environment.keySet());
        assertEquals("service_completed_successfully", ((Map<?, ?>) ((Map<?, ?>) console.get("depends_on"))
                .get("kafka-topics")).get("condition"), "the console starts before its topic is made");
        assertNull(console.get("deploy"), "the console stays one instance");
    }

    /** Its services run in production: the test provider would let anyone with a link mark an invoice paid. */
    @Test
    void compose_takes_no_payment_online_and_no_test_provider_unless_the_users_environment_says_so() {
        Map<String, Object> notifications = environment(compose("notification-service"));
        Map<String, Object> accounts = environment(compose("account-service"));

        assertEquals("${PAYMENTS_ONLINE_ENABLED:-false}", notifications.get("PAYMENTS_ONLINE_ENABLED"));
        for (Map<String, Object> environment : List.of(notifications, accounts)) {
            assertEquals("${PAYMENTS_PROVIDER:-none}", environment.get("PAYMENTS_PROVIDER"));
            Object allowed = environment.get("PAYMENTS_TEST_PROVIDER_ALLOWED");
            assertTrue(allowed == null || "${PAYMENTS_TEST_PROVIDER_ALLOWED:-false}".equals(allowed),
                    "the test provider allowed by the file: " + allowed);
        }
    }

    @Test
    void the_databases_compose_creates_are_those_the_services_use() throws IOException {
        String created = Files.readString(HOME.resolve("docker/postgres/create-databases.sql"));

        SERVICES.values().forEach(expected -> assertTrue(created.contains("create database " + expected.get(0) + ";"),
                expected.get(0)));
    }

    @Test
    void compose_makes_the_topics_the_local_stack_makes_and_keeps_account_events_forever() throws IOException {
        Map<String, Object> topics = services().get("kafka-topics");
        String script = String.valueOf(topics.get("command"));

        Topics.NAMES.forEach(topic -> assertTrue(script.contains(" " + topic + " ") || script.contains(" " + topic
                + ";"), "kafka-topics does not make " + topic));
        assertTrue(script.contains("--create --if-not-exists --topic \"$$topic\" --partitions 3 --replication-factor 3"),
                "the topics are not made on the three brokers: " + script);
        assertFalse(script.contains("--replication-factor 1"), script);
        assertTrue(script.contains("--entity-name \"$$topic\" --add-config min.insync.replicas=2"),
                "min.insync.replicas=2 is not set on every topic: " + script);
        assertTrue(script.contains("bootstrap=" + BOOTSTRAP) && !script.contains("kafka:9092"),
                "kafka-topics does not bootstrap from the three brokers: " + script);
        BROKERS.forEach(broker -> assertEquals("service_healthy",
                ((Map<?, ?>) ((Map<?, ?>) topics.get("depends_on")).get(broker)).get("condition"), broker));
        Topics.SETTINGS.forEach((topic, settings) -> settings.forEach((name, value) -> assertTrue(
                script.contains("--entity-name " + topic + " --add-config ") && script.contains(name + "=" + value),
                "kafka-topics does not set " + name + "=" + value + " on " + topic)));
        SERVICES.keySet().forEach(service -> assertEquals("service_completed_successfully",
                ((Map<?, ?>) ((Map<?, ?>) compose(service).get("depends_on")).get("kafka-topics")).get("condition"),
                service + " starts before the topics are made"));
        BROKERS.forEach(broker -> assertEquals("false", String.valueOf(environment(compose(broker))
                        .get("KAFKA_AUTO_CREATE_TOPICS_ENABLE")),
                broker + ": a topic made by its first client would miss its settings"));
    }

    /** One broker can die with nothing lost and writes going on; a replica that is behind never leads. */
    @Test
    void compose_runs_three_brokers_as_one_quorum_keeping_each_record_on_three_with_two_in_sync() throws IOException {
        Map<String, Map<String, Object>> compose = services();
        Set<String> nodeIds = new HashSet<>();
        Set<String> clusterIds = new HashSet<>();
        Set<Object> hostPorts = new HashSet<>();

        assertNull(compose.get("kafka"), "the single broker is still there");
        for (int node = 1; node <= BROKERS.size(); node++) {
            String broker = BROKERS.get(node - 1);
            Map<String, Object> environment = environment(compose.get(broker));
            nodeIds.add(String.valueOf(environment.get("KAFKA_NODE_ID")));
            clusterIds.add(String.valueOf(environment.get("CLUSTER_ID")));
            assertEquals("apache/kafka:4.1.2", compose.get(broker).get("image"), broker);
            assertEquals("broker,controller", environment.get("KAFKA_PROCESS_ROLES"), broker);
            assertEquals("1@kafka-1:9093,2@kafka-2:9093,3@kafka-3:9093",
                    environment.get("KAFKA_CONTROLLER_QUORUM_VOTERS"), broker);
            assertEquals(String.valueOf(node), String.valueOf(environment.get("KAFKA_NODE_ID")),
                    broker + ": its node id is not the one the voters give its name");
            assertTrue(String.valueOf(environment.get("KAFKA_ADVERTISED_LISTENERS"))
                    .startsWith("PLAINTEXT://" + broker + ":9092,"), broker);
            assertEquals("3", String.valueOf(environment.get("KAFKA_DEFAULT_REPLICATION_FACTOR")), broker);
            assertEquals("2", String.valueOf(environment.get("KAFKA_MIN_INSYNC_REPLICAS")), broker);
            assertEquals("false", String.valueOf(environment.get("KAFKA_UNCLEAN_LEADER_ELECTION_ENABLE")), broker);
            assertEquals("3", String.valueOf(environment.get("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR")), broker);
            assertEquals("3", String.valueOf(environment.get("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR")),
                    broker);
            assertEquals("2", String.valueOf(environment.get("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR")), broker);
            String hostPort = String.valueOf(29091 + node);
            assertTrue(String.valueOf(environment.get("KAFKA_ADVERTISED_LISTENERS"))
                    .contains("HOST://localhost:" + hostPort), broker);
            assertEquals(List.of(hostPort + ":" + hostPort), compose.get(broker).get("ports"), broker);
            hostPorts.add(compose.get(broker).get("ports"));
        }
        assertEquals(Set.of("1", "2", "3"), nodeIds);
        assertEquals(1, clusterIds.size(), "the brokers would format as different clusters: " + clusterIds);
        assertFalse(clusterIds.contains("null") || clusterIds.contains(""), "no CLUSTER_ID");
        assertEquals(3, hostPorts.size(), String.valueOf(hostPorts));
    }

    @Test
    void compose_runs_two_instances_of_each_service_behind_a_balancer_that_serves_each_port() throws IOException {
        Map<String, Map<String, Object>> compose = services();
        Map<String, Object> balancer = compose.get("balancer");
        String published = String.valueOf(balancer.get("ports"));
        String mounted = String.valueOf(balancer.get("volumes"));
        Matcher configPath = Pattern.compile("\\./(docker/balancer/[^:,\\]]+):").matcher(mounted);
        assertTrue(configPath.find(), "the balancer mounts no configuration of docker/balancer: " + mounted);
        String config = Files.readString(HOME.resolve(configPath.group(1)));

        SERVICES.forEach((service, expected) -> {
            String port = expected.get(1);
            String management = expected.get(2);
            assertEquals(2, ((Map<?, ?>) compose.get(service).get("deploy")).get("replicas"), service);
            assertTrue(published.contains(port + ":" + port), "the balancer does not publish " + port);
            Matcher backend = Pattern.compile("(?s)\\nfrontend " + service + "\\n\\s+bind :" + port
                    + "\\n\\s+default_backend " + service + "\\n.*?\\nbackend " + service + "\\n(.*?)(\\n\\n|$)")
                    .matcher(config);
            assertTrue(backend.find(), "the balancer's configuration serves no " + port + " for " + service);
            assertTrue(backend.group(1).contains(service.equals("account-service") ? "balance uri depth 2"
                    : "balance roundrobin"), service + ": account-service's instances by account, the others in turn");
            Matcher servers = Pattern.compile("server-template " + service + " (\\d+) " + service + ":" + port
                    + " check port " + management + "\\b").matcher(backend.group(1));
            assertTrue(servers.find() && Integer.parseInt(servers.group(1)) >= 2,
                    "the balancer does not pass " + port + " to the instances of " + service + ", checked on "
                            + management + ": " + backend.group(1));
        });
        assertTrue(config.contains("nameserver docker 127.0.0.11:53"), "the balancer does not ask compose's DNS");
        assertTrue(config.contains("option redispatch") && config.contains("retry-on conn-failure\n"),
                "a request that found a dead instance is not passed to the other one");
        Map<String, Object> notifications = environment(compose.get("notification-service"));
        assertEquals("http://balancer:8082", notifications.get("INVOICE_SERVICE_URL"));
        assertEquals("http://balancer:8081/payment-provider/callbacks",
                notifications.get("PAYMENTS_PROVIDER_CALLBACK_URL"));
    }

    private static Map<String, Object> compose(String service) {
        try {
            return services().get(service);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> services() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(HOME.resolve("docker-compose.yml")));
        return (Map<String, Map<String, Object>>) compose.get("services");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> environment(Map<String, Object> service) {
        return (Map<String, Object>) service.get("environment");
    }

    private static String configuration(String service) {
        try {
            return Files.readString(HOME.resolve(service + "/src/main/resources/application.properties"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
