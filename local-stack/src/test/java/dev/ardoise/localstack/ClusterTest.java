package dev.ardoise.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterTest {
    private static final StackSettings ALONE = StackSettings.onFreePorts(Path.of("."), Path.of("target/never-started"));

    @Test
    void one_of_each_is_one_broker_and_each_service_on_its_own_ports() {
        assertFalse(ALONE.clustered());
        assertEquals("localhost:" + ALONE.kafkaPort(), ALONE.kafkaBootstrap());
        assertEquals(List.of(new Cluster.Instance(ALONE.accountPort(), ALONE.accountManagementPort())),
                ALONE.instances("account-service", ALONE.accountPort(), ALONE.accountManagementPort()));
    }

    @Test
    void a_cluster_is_three_nodes_every_client_bootstraps_from_and_two_instances_of_each_service_on_other_ports() {
        StackSettings cluster = ALONE.asCluster();

        assertTrue(cluster.clustered());
        assertEquals(3, cluster.brokers().size());
        assertEquals(3, cluster.kafkaBootstrap().split(",").length);
        for (String service : List.of("account-service", "invoice-service", "notification-service")) {
            List<Cluster.Instance> instances = cluster.instances(service, 1, 2);
            assertEquals(2, instances.size(), service);
            assertFalse(instances.stream().anyMatch(instance -> instance.port() == cluster.accountPort()));
        }
    }

    @Test
    void on_a_persons_machine_the_cluster_takes_the_ports_beside_the_stacks_own() {
        StackSettings settings = ALONE;
        Cluster beside = Cluster.beside(settings);

        assertEquals(2, beside.moreBrokers().size());

        assertEquals(new Cluster.Broker(settings.kafkaPort() + 2, settings.kafkaControllerPort() + 2),
                beside.moreBrokers().get(0));
        assertEquals(List.of(
                        new Cluster.Instance(settings.accountPort() + 100, settings.accountManagementPort() + 100),
                        new Cluster.Instance(settings.accountPort() + 200, settings.accountManagementPort() + 200)),
                beside.instances().get("account-service"));
    }

    @Test
    void a_second_instance_of_one_service_leaves_the_broker_and_the_others_alone() {
        StackSettings two = ALONE.withInstances("account-service", 2);

        assertFalse(two.clustered());
        assertEquals(2, two.instances("account-service", 1, 2).size());
        assertEquals(1, two.instances("invoice-service", 1, 2).size());
    }
}
