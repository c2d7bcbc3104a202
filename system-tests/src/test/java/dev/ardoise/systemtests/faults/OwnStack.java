package dev.ardoise.systemtests.faults;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.function.Supplier;

/**
 * A fault test class's own stack ({@code @RegisterExtension static final OwnStack STACK = OwnStack.cluster()}),
 * started before its tests and stopped after them, whatever they did to it.
 */
final class OwnStack implements BeforeAllCallback, AfterAllCallback {
    private final Supplier<FaultStack> starting;
    private FaultStack stack;

    private OwnStack(Supplier<FaultStack> starting) {
        this.starting = starting;
    }

    /** One broker and one instance of each service. */
    static OwnStack oneOfEach() {
        return new OwnStack(FaultStack::start);
    }

    /** Three Kafka nodes and two instances of each service. */
    static OwnStack cluster() {
        return new OwnStack(FaultStack::startCluster);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        stack = starting.get();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (stack != null) {
            stack.close();
        }
    }

    FaultStack get() {
        return stack;
    }
}
