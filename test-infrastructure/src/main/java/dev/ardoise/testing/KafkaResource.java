package dev.ardoise.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

import java.util.Map;

/**
 * A real Apache Kafka broker for a test application: the test JVM's one broker ({@link TestKafka}). Tests get a
 * {@link KafkaCompanion} on it through {@link InjectKafka}.
 */
public class KafkaResource implements QuarkusTestResourceLifecycleManager {
    private KafkaCompanion companion;

    @Override
    public Map<String, String> start() {
        String bootstrapServers = TestKafka.bootstrapServersOfThisJvm();
        companion = new KafkaCompanion(bootstrapServers);
        return Map.of("kafka.bootstrap.servers", bootstrapServers);
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(companion,
                new TestInjector.AnnotatedAndMatchesType(InjectKafka.class, KafkaCompanion.class));
    }

    @Override
    public void stop() {
        if (companion != null) {
            companion.close();
        }
    }
}
