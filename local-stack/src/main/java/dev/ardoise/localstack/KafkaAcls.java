package dev.ardoise.localstack;

import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

import java.util.ArrayList;
import java.util.List;

/**
 * What each principal of docs/security.md may do on the broker, and nothing more ({@code admin} is a super user).
 * Write and Read imply Describe. Idempotent producers (the relay, the answers, the dead-letter writers, a
 * register) also get IdempotentWrite on the cluster, which older clients still ask for.
 */
final class KafkaAcls {
    private KafkaAcls() {
    }

    static List<AclBinding> bindings() {
        List<AclBinding> acls = new ArrayList<>();
        // account-service: the relay writes account-events and reads its tail (no group) to take over a
        // partition exactly once; the POS reader reads pos-sales and answers on pos-sale-results or the DLQ.
        topic(acls, "account-service", AclOperation.WRITE, "account-events", "pos-sale-results", "pos-sales.dlq");
        topic(acls, "account-service", AclOperation.READ, "account-events", "pos-sales");
        group(acls, "account-service", "account-service", PatternType.LITERAL);
        idempotentWrite(acls, "account-service");
        // invoice-service: the live projection in its group; the rebuild reads with a consumer of its own.
        topic(acls, "invoice-service", AclOperation.READ, "account-events");
        topic(acls, "invoice-service", AclOperation.WRITE, "account-events.invoice-service.dlq");
        group(acls, "invoice-service", "invoice-service", PatternType.LITERAL);
        group(acls, "invoice-service", "invoice-service-rebuild-", PatternType.PREFIXED);
        idempotentWrite(acls, "invoice-service");
        // notification-service
        topic(acls, "notification-service", AclOperation.READ, "account-events");
        topic(acls, "notification-service", AclOperation.WRITE, "account-events.notification-service.dlq");
        group(acls, "notification-service", "notification-service", PatternType.LITERAL);
        idempotentWrite(acls, "notification-service");
        // a register: sells on pos-sales, reads the answers (in a group of its own if it wants one: register-*)
        topic(acls, "register", AclOperation.WRITE, "pos-sales");
        topic(acls, "register", AclOperation.READ, "pos-sale-results");
        group(acls, "register", "register-", PatternType.PREFIXED);
        idempotentWrite(acls, "register");
        // the console, in no consumer group: the live feed, the dead letters and the answers to registers, read-only;
        // the readers' groups described for their lag; "handled" marks on dead letters, read and written
        topic(acls, "console", AclOperation.READ, "account-events", "pos-sale-results", "pos-sales.dlq",
                "account-events.invoice-service.dlq", "account-events.notification-service.dlq",
                "dead-letters.handled");
        topic(acls, "console", AclOperation.WRITE, "dead-letters.handled");
        describeGroup(acls, "console", "invoice-service", "notification-service");
        idempotentWrite(acls, "console");
        return acls;
    }

    private static void topic(List<AclBinding> acls, String user, AclOperation operation, String... topics) {
        for (String topic : topics) {
            acls.add(allow(user, operation, new ResourcePattern(ResourceType.TOPIC, topic, PatternType.LITERAL)));
        }
    }

    private static void group(List<AclBinding> acls, String user, String group, PatternType pattern) {
        acls.add(allow(user, AclOperation.READ, new ResourcePattern(ResourceType.GROUP, group, pattern)));
    }

    /** Lets {@code user} read a group's committed offsets (its lag), and neither join nor commit for it. */
    private static void describeGroup(List<AclBinding> acls, String user, String... groups) {
        for (String group : groups) {
            acls.add(allow(user, AclOperation.DESCRIBE,
                    new ResourcePattern(ResourceType.GROUP, group, PatternType.LITERAL)));
        }
    }

    private static void idempotentWrite(List<AclBinding> acls, String user) {
        acls.add(allow(user, AclOperation.IDEMPOTENT_WRITE,
                new ResourcePattern(ResourceType.CLUSTER, "kafka-cluster", PatternType.LITERAL)));
    }

    private static AclBinding allow(String user, AclOperation operation, ResourcePattern resource) {
        return new AclBinding(resource, new AccessControlEntry("User:" + user, "*", operation, AclPermissionType.ALLOW));
    }
}
