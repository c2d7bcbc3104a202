package dev.ardoise.invoice.projection;

import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;
import java.util.Properties;

/**
 * How the Kafka clients this service builds itself (the rebuild's and the reconciliation's readers) reach the
 * broker: the same address and security settings as the messaging channels, so that a broker with SASL and ACLs
 * lets them in as the principal {@code invoice-service} like the live reader.
 */
@ApplicationScoped
class BrokerConnection {
    private final String bootstrapServers;
    private final String securityProtocol;
    private final String saslMechanism;
    private final Optional<String> saslJaasConfig;

    BrokerConnection(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                     @ConfigProperty(name = "kafka.security.protocol") String securityProtocol,
                     @ConfigProperty(name = "kafka.sasl.mechanism") String saslMechanism,
                     @ConfigProperty(name = "kafka.sasl.jaas.config") Optional<String> saslJaasConfig) {
        this.bootstrapServers = bootstrapServers;
        this.securityProtocol = securityProtocol;
        this.saslMechanism = saslMechanism;
        this.saslJaasConfig = saslJaasConfig;
    }

    /** A client's settings for reaching the broker; the caller adds its own. */
    Properties properties() {
        Properties config = new Properties();
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, securityProtocol);
        config.put(SaslConfigs.SASL_MECHANISM, saslMechanism);
        saslJaasConfig.ifPresent(jaas -> config.put(SaslConfigs.SASL_JAAS_CONFIG, jaas));
        return config;
    }
}
