package dev.ardoise.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A copy of what the local stack runs (the services' built applications, the broker's classpath, the SMTP jar),
 * taken before the run: a rebuild of the project during the run, which replaces the jars under a running
 * service, then neither stops nor changes what is measured.
 */
final class BuiltSystem {
    private static final List<String> SERVICES = List.of("account-service", "invoice-service", "notification-service");
    private static final List<String> STACK_FILES = List.of("classpath.txt", "classes", "greenmail-standalone.jar");

    private BuiltSystem() {
    }

    /** @return the copy, to give the stack as its home */
    static Path copy(Path home, Path into) {
        delete(into);
        for (String service : SERVICES) {
            copyTree(home.resolve(service + "/target/quarkus-app"), into.resolve(service + "/target/quarkus-app"));
        }
        for (String file : STACK_FILES) {
            copyTree(home.resolve("local-stack/target").resolve(file),
                    into.resolve("local-stack/target").resolve(file));
        }
        return into;
    }

    /** When each service's application was built. */
    static String buildTimes(Path home) {
        StringBuilder times = new StringBuilder();
        for (String service : SERVICES) {
            try {
                Instant built = Files.getLastModifiedTime(home.resolve(service + "/target/quarkus-app/quarkus-run.jar"))
                        .toInstant().truncatedTo(ChronoUnit.SECONDS);
                times.append(times.length() == 0 ? "" : ", ").append(service).append(' ').append(built);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return times.toString();
    }

    private static void copyTree(Path from, Path to) {
        if (!Files.exists(from)) {
            throw new IllegalStateException("build the project first (mvn -q install -DskipTests): " + from
                    + " is missing");
        }
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(path, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + from, e);
        }
    }

    private static void delete(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
