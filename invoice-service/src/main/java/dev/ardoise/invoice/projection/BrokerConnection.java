package dev.ardoise.invoice.projection;

import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.CommonClientConfigs;
import org.eclipse.microprofile.config.Config;

import java.util.Properties;
import java.util.stream.StreamSupport;

/**
 * How the Kafka clients this service builds itself (the rebuild's and the reconciliation's readers) reach the
 * broker: the same address and security settings as the messaging channels ({@code kafka.security.protocol},
 * {@code kafka.sasl.*}, {@code kafka.ssl.*}), so that a broker with SASL, TLS and ACLs lets them in as the
 * principal {@code invoice-service} like the live reader. account-service's relay takes them the same way.
 */
@ApplicationScoped
class BrokerConnection {
    private static final String PREFIX = "kafka.";
    private final Properties settings = new Properties();

    BrokerConnection(Config config) {
        settings.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, config.getValue("kafka.bootstrap.servers",
                String.class));
        StreamSupport.stream(config.getPropertyNames().spliterator(), false)
                .filter(BrokerConnection::isSecurity)
                .forEach(name -> config.getOptionalValue(name, String.class)
                        .ifPresent(value -> settings.put(name.substring(PREFIX.length()), value)));
    }

    private static boolean isSecurity(String name) {
        return name.startsWith("kafka.security.") || name.startsWith("kafka.sasl.") || name.startsWith("kafka.ssl.");
    }

    /** A client's settings for reaching the broker; the caller adds its own. */
    Properties properties() {
        Properties copy = new Properties();
        copy.putAll(settings);
        return copy;
    }
}
