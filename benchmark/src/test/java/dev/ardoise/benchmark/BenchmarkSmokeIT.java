package dev.ardoise.benchmark;

import org.junit.jupiter.api.Test;

/**
 * The benchmark at tiny sizes inside {@code mvn verify}, so that it keeps working: every part runs once (but the
 * second stack with fsync on) and its correctness is asserted (charges answered 201 or 422, POS sales answered,
 * the backlog relayed, each reader caught up, freshness samples seen, the rebuild equal to the live read models).
 * Nothing timed is asserted. Its report: {@code target/benchmark-smoke-report.md}.
 */
class BenchmarkSmokeIT {
    @Test
    void every_part_of_the_benchmark_runs_and_what_it_checks_holds() throws Exception {
        new BenchmarkRun(Sizes.smoke(), "benchmark-smoke").run();
    }
}
