package dev.ardoise.account.eventstore;

import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.CommonClientConfigs;
import org.eclipse.microprofile.config.Config;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.StreamSupport;

/**
 * What every Kafka client the service builds by hand needs to reach the broker: its address and the security
 * settings the messaging channels take too ({@code kafka.security.protocol}, {@code kafka.sasl.*},
 * {@code kafka.ssl.*}), so that the relay is let in wherever the channels are.
 */
@ApplicationScoped
public class KafkaClientSettings {
    private static final String PREFIX = "kafka.";

    private final Map<String, Object> settings;

    KafkaClientSettings(Config config) {
        Map<String, Object> found = new HashMap<>();
        found.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, config.getValue("kafka.bootstrap.servers",
                String.class));
        StreamSupport.stream(config.getPropertyNames().spliterator(), false)
                .filter(KafkaClientSettings::isSecurity)
                .forEach(name -> config.getOptionalValue(name, String.class)
                        .ifPresent(value -> found.put(name.substring(PREFIX.length()), value)));
        this.settings = Map.copyOf(found);
    }

    private static boolean isSecurity(String name) {
        return name.startsWith("kafka.security.") || name.startsWith("kafka.sasl.") || name.startsWith("kafka.ssl.");
    }

    /** The address and security settings, as Kafka client properties. */
    public Map<String, Object> common() {
        return settings;
    }

    /** Only an address: for a test's own clients on an unsecured broker. */
    static Map<String, Object> plain(String bootstrapServers) {
        return Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    }
}
