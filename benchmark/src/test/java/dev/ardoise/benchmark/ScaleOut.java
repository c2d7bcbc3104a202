package dev.ardoise.benchmark;

import org.junit.jupiter.api.Test;

/**
 * Charges/s with one account-service instance, with two taking connections in turn, and with two each keeping its own
 * accounts (docs/benchmarks.md, "Scaling out"), only with
 * {@code -Pscale-out}: sizes from {@code -Dbenchmark.*}, the steady rate from {@code -Dbenchmark.steadyRate} (300
 * charges/s), the report in {@code target/scale-out-report.md}.
 */
class ScaleOut {
    @Test
    void measures_charges_with_one_then_two_account_service_instances_in_turn_then_by_account() throws Exception {
        double rate = Double.parseDouble(System.getProperty("benchmark.steadyRate", "300"));
        new BenchmarkRun(Sizes.fromSystemProperties(), "scale-out").scaleOut(rate);
    }
}
