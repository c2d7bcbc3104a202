package dev.ardoise.benchmark;

import java.time.Duration;

/**
 * How big each part of a run is. The full run reads each from a {@code -Dbenchmark.<name>} property (defaults
 * below, docs/benchmarks.md); the smoke run inside {@code mvn verify} uses {@link #smoke()}: every part once, a few
 * seconds each, only its correctness asserted.
 *
 * @param stores            stores the accounts are spread over, each with its manager and registers
 * @param accounts          accounts opened for the charges (the hot set is 1% of them)
 * @param registersPerStore distinct register tokens per store
 * @param sweepStart        the sweep's first rate, charges/s; each next step is 1.5 times the last
 * @param sweepLimit        the sweep stops at this rate even if still sustainable
 * @param step              how long each rate of the sweep is offered
 * @param sweeps            how many times each sweep runs: its maximum is the median of theirs
 * @param halfRun           how long the load at half the sustainable maximum lasts (latency and freshness)
 * @param warmUp            how long the charge path is warmed up (at {@code sweepStart}) before each sweep, not counted
 * @param maxInFlight       requests outstanding at once, at most (the open loop's connections)
 * @param longLivedAccounts accounts pre-loaded with {@code longLivedEvents} charges each
 * @param compareCharges    charges on long-lived and on new accounts, each, for their comparison
 * @param relayBacklog      charges made while every relay is paused
 * @param catchUpEvents     the generated backlog each reader catches up on
 * @param connections       N of the raw PostgreSQL limits at N connections
 * @param durableRun        whether the charges are measured again with fsync on (a second stack)
 * @param rebuild           whether invoice-service's rebuild is run and compared
 * @param jvmOptions        added to the stack's JVMs (broker, mail server, services), e.g. to try memory settings
 */
record Sizes(int stores, int accounts, int registersPerStore, double sweepStart, double sweepLimit, Duration step,
             int sweeps, Duration halfRun, Duration warmUp, int maxInFlight, int longLivedAccounts, int longLivedEvents,
             int compareCharges, int relayBacklog, int catchUpEvents, int connections, boolean durableRun, boolean rebuild,
             java.util.List<String> jvmOptions) {

    static Sizes fromSystemProperties() {
        return new Sizes(
                Integer.getInteger("benchmark.stores", 4),
                Integer.getInteger("benchmark.accounts", 20_000),
                Integer.getInteger("benchmark.registersPerStore", 16),
                number("benchmark.sweepStart", 200),
                number("benchmark.sweepLimit", 20_000),
                Duration.ofSeconds(Integer.getInteger("benchmark.stepSeconds", 10)),
                Integer.getInteger("benchmark.sweeps", 3),
                Duration.ofSeconds(Integer.getInteger("benchmark.halfSeconds", 30)),
                Duration.ofSeconds(Integer.getInteger("benchmark.warmupSeconds", 30)),
                Integer.getInteger("benchmark.maxInFlight", 256),
                Integer.getInteger("benchmark.longLivedAccounts", 3),
                Integer.getInteger("benchmark.longLivedEvents", 10_000),
                Integer.getInteger("benchmark.compareCharges", 300),
                Integer.getInteger("benchmark.relayBacklog", 20_000),
                Integer.getInteger("benchmark.events", 1_000_000),
                Integer.getInteger("benchmark.connections", 16),
                Boolean.parseBoolean(System.getProperty("benchmark.durable", "true")),
                Boolean.parseBoolean(System.getProperty("benchmark.rebuild", "true")),
                java.util.Arrays.stream(System.getProperty("benchmark.jvmOptions", "").split(" "))
                        .filter(option -> !option.isBlank()).toList());
    }

    /** Seconds of each part: that the benchmark still runs and its checks still hold, nothing timed. */
    static Sizes smoke() {
        return new Sizes(4, 40, 2, 20, 30, Duration.ofSeconds(2), 1, Duration.ofSeconds(3),
                Duration.ofSeconds(1), 16, 1, 20, 10, 30,
                500, 2, false, true, java.util.Arrays.stream(System.getProperty("benchmark.jvmOptions", "")
                        .split(" ")).filter(option -> !option.isBlank()).toList());
    }

    /** The hot set: 1% of the accounts, at least one. */
    int hotAccounts() {
        return Math.max(1, accounts / 100);
    }

    private static double number(String property, double defaultValue) {
        String value = System.getProperty(property);
        return value == null || value.isBlank() ? defaultValue : Double.parseDouble(value);
    }
}
