package dev.ardoise.systemtests;

import dev.ardoise.localstack.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * account-events is kept forever on the stack the services run on, as production must keep it: a rebuild reads it
 * from offset 0. A topic that already exists with another retention is set right at the next start.
 */
@ExtendWith(Ardoise.class)
class TopicsIT {
    private static final ConfigResource ACCOUNT_EVENTS = new ConfigResource(ConfigResource.Type.TOPIC, "account-events");
    private static final String SEVEN_DAYS = "604800000";

    @Test
    void account_events_is_kept_forever_and_a_topic_found_with_another_retention_is_set_right() throws Exception {
        try (Admin admin = Admin.create(Ardoise.kafka("admin"))) {
            assertEquals("-1", setting(admin, TopicConfig.RETENTION_MS_CONFIG));
            assertEquals("-1", setting(admin, TopicConfig.RETENTION_BYTES_CONFIG));

            admin.incrementalAlterConfigs(Map.of(ACCOUNT_EVENTS, List.of(new AlterConfigOp(
                    new ConfigEntry(TopicConfig.RETENTION_MS_CONFIG, SEVEN_DAYS), AlterConfigOp.OpType.SET))))
                    .all().get(30, TimeUnit.SECONDS);
            assertEquals(SEVEN_DAYS, setting(admin, TopicConfig.RETENTION_MS_CONFIG));

            Topics.create(admin);

            assertEquals("-1", setting(admin, TopicConfig.RETENTION_MS_CONFIG));
            assertEquals("-1", setting(admin, TopicConfig.RETENTION_BYTES_CONFIG));
        }
    }

    private static String setting(Admin admin, String name) throws Exception {
        Config config = admin.describeConfigs(List.of(ACCOUNT_EVENTS)).all().get(30, TimeUnit.SECONDS)
                .get(ACCOUNT_EVENTS);
        return config.get(name).value();
    }
}
