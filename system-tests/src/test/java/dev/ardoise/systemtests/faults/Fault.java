package dev.ardoise.systemtests.faults;

import dev.ardoise.systemtests.MailInbox;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A fault and its end, applied while the registers sell: {@link #apply} returns once what it broke runs again. The
 * pause between the break and the repair is the fault's definition (e.g. "restarted after 3 s"), not a wait for
 * something to happen.
 */
interface Fault {
    String name();

    void apply(FaultStack stack, Customers customers) throws Exception;

    /** The emails by address the SMTP server had received before the fault stopped it; usually none. */
    default Map<String, List<MailInbox.Mail>> mailBefore() {
        return Map.of();
    }

    /**
     * Each instance of {@code service} in turn (the service itself when it runs alone), each restarted after
     * {@code restartAfter}, the next killed once the one before is healthy again.
     */
    static Fault killInstances(String service, Duration restartAfter) {
        return simple("kill -9 of each instance of " + service + " in turn, each restarted after "
                + restartAfter.toSeconds() + " s", stack -> killInTurn(stack, List.of(service), restartAfter));
    }

    /** Every instance of every service in turn, as {@link #killInstances}. */
    static Fault killEachService(Duration restartAfter) {
        return simple("kill -9 of each service in turn, each restarted after " + restartAfter.toSeconds() + " s",
                stack -> killInTurn(stack, FaultStack.SERVICES, restartAfter));
    }

    private static void killInTurn(FaultStack stack, List<String> services, Duration restartAfter)
            throws InterruptedException {
        for (String service : services) {
            for (String instance : stack.stack().instancesOf(service)) {
                killInstance(stack, instance, restartAfter);
            }
        }
    }

    private static void killInstance(FaultStack stack, String instance, Duration restartAfter)
            throws InterruptedException {
        stack.stack().killService(instance);
        pause(restartAfter);
        stack.stack().startService(instance);
    }

    /** On a cluster: the first instance of each service in turn, then the active Kafka controller. */
    static Fault killOneOfEachThenController(Duration restartAfter) {
        return simple("kill -9 of one instance of each service, then of the active Kafka controller, in turn, each "
                + "restarted after " + restartAfter.toSeconds() + " s", stack -> {
                    for (String service : FaultStack.SERVICES) {
                        killInstance(stack, stack.stack().instancesOf(service).get(0), restartAfter);
                    }
                    killNode(stack, stack.stack().activeController(), restartAfter);
                });
    }

    /** A Kafka node that does not lead the controllers' quorum: a broker's loss, the quorum untouched. */
    static Fault killBroker(Duration restartAfter) {
        return simple("kill -9 of a Kafka node (not the active controller), restarted after "
                + restartAfter.toSeconds() + " s", stack -> {
                    int controller = stack.stack().activeController();
                    killNode(stack, controller == 1 ? 2 : 1, restartAfter);
                });
    }

    /** The node that leads the controllers' quorum: the other two elect a new leader, and lead partitions. */
    static Fault killController(Duration restartAfter) {
        return simple("kill -9 of the active Kafka controller (a broker too), restarted after "
                + restartAfter.toSeconds() + " s", stack -> killNode(stack, stack.stack().activeController(),
                restartAfter));
    }

    private static void killNode(FaultStack stack, int node, Duration restartAfter) throws InterruptedException {
        stack.stack().killBroker(node);
        pause(restartAfter);
        stack.stack().startBroker(node);
    }

    static Fault freeze(String service, Duration frozenFor, String why) {
        return simple("SIGSTOP of " + service + " for " + frozenFor.toSeconds() + " s (" + why + "), then SIGCONT",
                stack -> {
                    stack.stack().freezeService(service);
                    try {
                        pause(frozenFor);
                    } finally {
                        stack.stack().thawService(service);
                    }
                });
    }

    static Fault stopDatabase(Duration downFor) {
        return simple("PostgreSQL stopped for " + downFor.toSeconds() + " s, then started again", stack -> {
            stack.stack().stopDatabase();
            pause(downFor);
            stack.stack().startDatabase();
        });
    }

    /**
     * The SMTP server stopped and started again. What it had received goes with it, so the invoice emails it had are
     * read just before; notification-service is frozen (SIGSTOP) meanwhile, for the second or two that reading and
     * stopping take, so that no email arrives between the two and is lost unseen (a first run without the freeze
     * counted 7 emails "missing" that the server took in while its inbox was being read).
     */
    static Fault mailServerDown(Duration downFor) {
        return new Fault() {
            private final Map<String, List<MailInbox.Mail>> before = new HashMap<>();

            @Override
            public String name() {
                return "SMTP server down for " + downFor.toSeconds() + " s";
            }

            @Override
            public void apply(FaultStack stack, Customers customers) throws Exception {
                List<String> senders = stack.stack().instancesOf("notification-service");
                senders.forEach(stack.stack()::freezeService);
                try {
                    for (Customers.Account account : customers.accounts()) {
                        if (account.email() != null) {
                            before.put(account.email(), stack.inbox().messagesTo(account.email()));
                        }
                    }
                    stack.stack().stopMailServer();
                } finally {
                    senders.forEach(stack.stack()::thawService);
                }
                pause(downFor);
                stack.stack().startMailServer();
            }

            @Override
            public Map<String, List<MailInbox.Mail>> mailBefore() {
                return before;
            }
        };
    }

    interface Action {
        void apply(FaultStack stack) throws Exception;
    }

    private static Fault simple(String name, Action action) {
        return new Fault() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void apply(FaultStack stack, Customers customers) throws Exception {
                action.apply(stack);
            }
        };
    }

    /** The fault's length, by definition. */
    static void pause(Duration length) throws InterruptedException {
        Thread.sleep(length.toMillis());
    }
}
