package dev.ardoise.systemtests;

import dev.ardoise.localstack.Topics;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docker-compose.yml cannot run on the team's machines (no Docker), so this reads it against the services'
 * configuration: every variable it sets is one the service reads, every variable the service requires (no
 * default: the production profile's secrets, issuer and key) is set, secrets only from the user's environment,
 * and each service gets its own database, port, management port and Kafka principal; the console too, without a
 * database.
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
            assertTrue(String.valueOf(compose.get(service).get("ports")).contains(expected.get(2) + ":"), service);
            assertEquals("kafka:9092", environment.get("KAFKA_BOOTSTRAP_SERVERS"), service);
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
        assertEquals("kafka:9092", environment.get("KAFKA_BOOTSTRAP_SERVERS"));
        assertEquals("console", environment.get("KAFKA_USERNAME"));
        assertEquals("http://account-service:8081", environment.get("ACCOUNT_SERVICE_URL"));
        assertEquals("http://invoice-service:8082", environment.get("INVOICE_SERVICE_URL"));
        assertEquals("http://notification-service:8083", environment.get("NOTIFICATION_SERVICE_URL"));
        assertEquals("http://account-service:9081/q/metrics", environment.get("ACCOUNT_SERVICE_METRICS_URL"));
        assertTrue(environment.keySet().stream().noneMatch(variable -> variable.startsWith("DB_")),
                "the console owns no data: " + environment.keySet());
        assertEquals("service_completed_successfully", ((Map<?, ?>) ((Map<?, ?>) console.get("depends_on"))
                .get("kafka-topics")).get("condition"), "the console starts before its topic is made");
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
        Topics.SETTINGS.forEach((topic, settings) -> settings.forEach((name, value) -> assertTrue(
                script.contains("--entity-name " + topic + " --add-config ") && script.contains(name + "=" + value),
                "kafka-topics does not set " + name + "=" + value + " on " + topic)));
        SERVICES.keySet().forEach(service -> assertEquals("service_completed_successfully",
                ((Map<?, ?>) ((Map<?, ?>) compose(service).get("depends_on")).get("kafka-topics")).get("condition"),
                service + " starts before the topics are made"));
        assertEquals("false", String.valueOf(environment(services().get("kafka"))
                .get("KAFKA_AUTO_CREATE_TOPICS_ENABLE")), "a topic made by its first client would miss its settings");
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
