package dev.ardoise.localstack;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * The topics of the contract, made as the stack's {@code admin} with partitions so that readers and the relay can
 * spread by account. {@code account-events} is kept forever: it is what a reader rebuilds from, read from offset 0
 * (the event store stays the truth, and a republish mends a gap), so a broker's default retention of 7 days would
 * take the past from every later rebuild. {@code dead-letters.handled} is compacted: the console records there, by the
 * dead letter's topic, partition and offset, that an operator handled it, and only the last word on each matters.
 * A topic made earlier with other settings is set right, not refused.
 */
public final class Topics {
    /** The topics of the contract. */
    public static final List<String> NAMES = List.of("account-events", "pos-sales", "pos-sale-results",
            "pos-sales.dlq", "account-events.invoice-service.dlq", "account-events.notification-service.dlq",
            "dead-letters.handled");
    /** Each topic's settings beyond the broker's defaults. */
    public static final Map<String, Map<String, String>> SETTINGS = Map.of(
            "account-events", Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1", TopicConfig.RETENTION_BYTES_CONFIG, "-1"),
            "dead-letters.handled", Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
    private static final int PARTITIONS = 3;
    /** A cluster's copies of each topic, one per node, and how many must hold a write before it is acknowledged. */
    static final int CLUSTER_REPLICAS = 3;
    static final int CLUSTER_MIN_IN_SYNC = 2;

    private Topics() {
    }

    /** Makes the missing topics with their settings, and sets the settings of those that exist: on one broker. */
    public static void create(Admin admin) {
        create(admin, 1);
    }

    /**
     * The same with {@code replicas} copies of each topic; on more than one, a write needs {@link #CLUSTER_MIN_IN_SYNC}
     * of them ({@code min.insync.replicas}, set on each topic too, so that it holds whatever the brokers' default).
     */
    public static void create(Admin admin, int replicas) {
        try {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = NAMES.stream().filter(topic -> !existing.contains(topic))
                    .map(topic -> new NewTopic(topic, PARTITIONS, (short) replicas).configs(settings(topic, replicas)))
                    .toList();
            admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            Map<ConfigResource, Collection<AlterConfigOp>> settingsOfExisting = NAMES.stream()
                    .filter(existing::contains)
                    .filter(topic -> !settings(topic, replicas).isEmpty())
                    .collect(Collectors.toMap(topic -> new ConfigResource(ConfigResource.Type.TOPIC, topic),
                            topic -> setting(settings(topic, replicas).entrySet())));
            admin.incrementalAlterConfigs(settingsOfExisting).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create the topics " + NAMES, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> settings(String topic, int replicas) {
        Map<String, String> settings = new HashMap<>(SETTINGS.getOrDefault(topic, Map.of()));
        if (replicas > 1) {
            settings.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(CLUSTER_MIN_IN_SYNC));
        }
        return settings;
    }

    private static Collection<AlterConfigOp> setting(Set<Map.Entry<String, String>> settings) {
        return settings.stream().map(setting -> new AlterConfigOp(new ConfigEntry(setting.getKey(), setting.getValue()),
                AlterConfigOp.OpType.SET)).toList();
    }
}
