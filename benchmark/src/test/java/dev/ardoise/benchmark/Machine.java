package dev.ardoise.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** What the figures were measured on, and how busy it was. */
final class Machine {
    private Machine() {
    }

    static String describe() {
        Runtime runtime = Runtime.getRuntime();
        return "%d processors, %s total memory, benchmark JVM max heap %d MB, %s %s, Java %s".formatted(
                runtime.availableProcessors(), totalMemory().orElse("unknown"), runtime.maxMemory() / (1024 * 1024),
                System.getProperty("os.name"), System.getProperty("os.arch"), System.getProperty("java.version"));
    }

    /** The 1, 5 and 15 minute load averages (other processes share the machine). */
    static String load() {
        return read("/proc/loadavg").map(text -> String.join(" ", java.util.Arrays.copyOf(text.split(" "), 3)))
                .orElse("unknown");
    }

    private static Optional<String> totalMemory() {
        return read("/proc/meminfo").flatMap(text -> text.lines().filter(line -> line.startsWith("MemTotal:"))
                .findFirst()).map(line -> {
                    long kb = Long.parseLong(line.replaceAll("\\D", ""));
                    return "%.1f GB".formatted(kb / 1024.0 / 1024.0);
                });
    }

    private static Optional<String> read(String file) {
        try {
            Path path = Path.of(file);
            return Files.exists(path) ? Optional.of(Files.readString(path).strip()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
