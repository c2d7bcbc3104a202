package dev.ardoise.benchmark;

import org.junit.jupiter.api.Test;

/**
 * The full run (docs/benchmarks.md), only with {@code -Pbenchmark}: sizes from {@code -Dbenchmark.*}, the report
 * in {@code target/benchmark-report.md}.
 */
class ArdoiseBenchmark {
    @Test
    void measures_the_system_against_the_machine_and_rebuilds_equal_to_the_live_read_models() throws Exception {
        new BenchmarkRun(Sizes.fromSystemProperties(), "benchmark").run();
    }
}
