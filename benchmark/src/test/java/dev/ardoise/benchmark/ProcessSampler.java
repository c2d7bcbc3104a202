package dev.ardoise.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Memory and CPU of every process of the run, read from /proc every second: the highest resident memory of each
 * (VmRSS; for PostgreSQL the proportional set size, Pss, of its main process and backends summed, so that the
 * shared buffers count once) and its CPU seconds in each phase (utime + stime; PostgreSQL's ended backends through
 * its main process' cutime + cstime). A service restarted is the same name with a new process.
 */
final class ProcessSampler implements AutoCloseable {
    private static final long TICKS_PER_SECOND = 100;
    private final Supplier<Map<String, ProcessHandle>> processes;
    private final Map<String, Long> maxRssKb = new LinkedHashMap<>();
    /** Per process name, the CPU ticks of processes gone (restarted services) plus the last reading. */
    private final Map<String, Long> lastTicks = new LinkedHashMap<>();
    private final Map<String, Long> ticksOfEnded = new LinkedHashMap<>();
    private final Map<String, Long> lastPid = new LinkedHashMap<>();
    private final Map<String, Map<String, Long>> cpuByPhase = new LinkedHashMap<>();
    private final Map<String, Long> phaseStartTicks = new LinkedHashMap<>();
    private final AtomicBoolean sampling = new AtomicBoolean(true);
    private final Thread thread;
    private String phase;

    ProcessSampler(Supplier<Map<String, ProcessHandle>> processes) {
        this.processes = () -> {
            Map<String, ProcessHandle> all = new LinkedHashMap<>(processes.get());
            all.put("benchmark (this JVM: load generator)", ProcessHandle.current());
            return all;
        };
        thread = new Thread(this::sampleEverySecond, "process-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    /** Ends the phase under way (its CPU seconds are kept) and starts the next. */
    synchronized void phase(String name) {
        sample();
        if (phase != null) {
            Map<String, Long> used = new LinkedHashMap<>();
            totalTicks().forEach((process, ticks) -> used.put(process, ticks - phaseStartTicks.getOrDefault(process, 0L)));
            cpuByPhase.put(phase, used);
        }
        phase = name;
        phaseStartTicks.clear();
        phaseStartTicks.putAll(totalTicks());
    }

    /** The Markdown tables: highest resident memory per process, CPU seconds per process and phase. */
    synchronized String tables() {
        StringBuilder text = new StringBuilder("| process | highest resident memory (MB) |\n|---|---:|\n");
        maxRssKb.forEach((name, kb) -> text.append("| %s | %,.0f |%n".formatted(name, kb / 1024.0)));
        text.append("\nCPU seconds by phase (2 cores: at most 2 CPU seconds per second):\n\n| phase |");
        maxRssKb.keySet().forEach(name -> text.append(' ').append(name).append(" |"));
        text.append("\n|---|").append("---:|".repeat(maxRssKb.size())).append('\n');
        cpuByPhase.forEach((name, used) -> {
            text.append("| ").append(name).append(" |");
            maxRssKb.keySet().forEach(process -> text.append(" %.1f |".formatted(
                    used.getOrDefault(process, 0L) / (double) TICKS_PER_SECOND)));
            text.append('\n');
        });
        return text.toString();
    }

    /** Each process' CPU seconds in an ended phase. */
    synchronized Map<String, Double> cpuSeconds(String phase) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        cpuByPhase.getOrDefault(phase, Map.of())
                .forEach((process, ticks) -> seconds.put(process, ticks / (double) TICKS_PER_SECOND));
        return seconds;
    }

    long maxRssMb(String name) {
        synchronized (this) {
            return maxRssKb.getOrDefault(name, 0L) / 1024;
        }
    }

    @Override
    public void close() throws InterruptedException {
        phase(null);
        sampling.set(false);
        thread.join();
    }

    private void sampleEverySecond() {
        while (sampling.get()) {
            synchronized (this) {
                sample();
            }
            LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1));
        }
    }

    private Map<String, Long> totalTicks() {
        Map<String, Long> total = new LinkedHashMap<>();
        lastTicks.forEach((name, ticks) -> total.put(name, ticks + ticksOfEnded.getOrDefault(name, 0L)));
        return total;
    }

    private void sample() {
        Map<String, ProcessHandle> now;
        try {
            now = processes.get();
        } catch (RuntimeException e) {
            return; // the stack is stopping
        }
        now.forEach((name, process) -> {
            if (!process.isAlive()) {
                return;
            }
            boolean postgres = name.equals("postgresql");
            long rss = postgres ? treeKb(process, "Pss:", "smaps_rollup") : kb(process.pid(), "VmRSS:", "status");
            maxRssKb.merge(name, rss, Math::max);
            long ticks = ticks(process.pid(), postgres);
            if (postgres) {
                ticks += process.children().mapToLong(child -> ticks(child.pid(), false)).sum();
            }
            Long pid = lastPid.put(name, process.pid());
            if (pid != null && pid != process.pid()) {
                ticksOfEnded.merge(name, lastTicks.getOrDefault(name, 0L), Long::sum);
            }
            lastTicks.put(name, ticks);
        });
    }

    private static long treeKb(ProcessHandle process, String field, String file) {
        return kb(process.pid(), field, file) + process.children().mapToLong(child -> kb(child.pid(), field, file)).sum();
    }

    private static long kb(long pid, String field, String file) {
        try {
            return Files.readAllLines(Path.of("/proc", String.valueOf(pid), file)).stream()
                    .filter(line -> line.startsWith(field)).findFirst()
                    .map(line -> Long.parseLong(line.replaceAll("\\D", ""))).orElse(0L);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** utime + stime (fields 14, 15), and with {@code children} the waited-for children's (16, 17). */
    private static long ticks(long pid, boolean children) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return children ? ticks + Long.parseLong(fields[13]) + Long.parseLong(fields[14]) : ticks;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
