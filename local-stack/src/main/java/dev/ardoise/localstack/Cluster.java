package dev.ardoise.localstack;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;
import java.util.stream.IntStream;

/**
 * What a cluster adds to the stack of one of each: two more Kafka nodes (broker and controller each, so that a quorum
 * of three survives the loss of any one) and two instances of each service on ports of their own. The stack's own
 * ports then belong to a {@link Balancer} per service, as a load balancer's address does: a client, the console and
 * the other services call one address and never learn which instance answered.
 *
 * @param moreBrokers nodes 2 and 3 (node 1 is on the stack's Kafka ports); none for the stack of one of each
 * @param instances   by service, the ports of each of its instances; none for the stack of one of each
 */
public record Cluster(List<Broker> moreBrokers, Map<String, List<Instance>> instances) {
    /** The stack of one of each: one broker, one instance of each service on the stack's ports. */
    public static final Cluster NONE = new Cluster(List.of(), Map.of());
    static final int BROKERS = 3;
    static final int INSTANCES = 2;

    /** A Kafka node's listener for clients and its controller listener. */
    public record Broker(int port, int controllerPort) {
    }

    /** A service instance's API port and management (health, metrics) port. */
    public record Instance(int port, int managementPort) {
    }

    public Cluster {
        moreBrokers = List.copyOf(moreBrokers);
        instances = Map.copyOf(instances);
    }

    public boolean clustered() {
        return !moreBrokers.isEmpty();
    }

    /** The same, with {@code count} instances of {@code service} on ports from {@code freePort}. */
    Cluster withInstances(String service, int count, IntSupplier freePort) {
        Map<String, List<Instance>> more = new HashMap<>(instances);
        more.put(service, instancesOn(count, freePort));
        return new Cluster(moreBrokers, more);
    }

    /**
     * Ports next to the stack's own, for a person's machine: node n at the Kafka ports plus 2(n-1) (9094/9095,
     * 9096/9097), instance n of a service at its ports plus 100n (8181/9181 and 8281/9281 for account-service).
     */
    static Cluster beside(StackSettings settings) {
        List<Broker> brokers = IntStream.range(1, BROKERS).mapToObj(node -> new Broker(settings.kafkaPort() + 2 * node,
                settings.kafkaControllerPort() + 2 * node)).toList();
        return new Cluster(brokers, Map.of(
                "account-service", instancesBeside(settings.accountPort(), settings.accountManagementPort()),
                "invoice-service", instancesBeside(settings.invoicePort(), settings.invoiceManagementPort()),
                "notification-service", instancesBeside(settings.notificationPort(), settings.notificationManagementPort())));
    }

    private static List<Instance> instancesBeside(int port, int managementPort) {
        return IntStream.rangeClosed(1, INSTANCES).mapToObj(n -> new Instance(port + 100 * n, managementPort + 100 * n))
                .toList();
    }

    /** Every port taken from {@code freePort}, for tests. */
    static Cluster onPorts(IntSupplier freePort) {
        List<Broker> brokers = IntStream.range(1, BROKERS)
                .mapToObj(node -> new Broker(freePort.getAsInt(), freePort.getAsInt())).toList();
        return new Cluster(brokers, Map.of(
                "account-service", instancesOn(INSTANCES, freePort),
                "invoice-service", instancesOn(INSTANCES, freePort),
                "notification-service", instancesOn(INSTANCES, freePort)));
    }

    private static List<Instance> instancesOn(int count, IntSupplier freePort) {
        return IntStream.rangeClosed(1, count)
                .mapToObj(n -> new Instance(freePort.getAsInt(), freePort.getAsInt())).toList();
    }
}
