package dev.ardoise.localstack;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A process the stack started: its output goes to a log file, and it is stopped with the stack. */
final class ChildProcess implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Process process;
    private final Path log;

    private ChildProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    static ChildProcess start(String name, List<String> command, Map<String, String> environment, Path log) {
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
            builder.environment().putAll(environment);
            return new ChildProcess(name, builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    /** The running process, to measure it (its memory and CPU time in /proc). */
    ProcessHandle handle() {
        return process.toHandle();
    }

    /** Waits until {@code url} answers 200, failing early if the process dies. */
    void awaitHealthy(String url, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw stopped();
            }
            try {
                if (HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + name, e);
            }
            pause();
        }
        throw new IllegalStateException(name + " not healthy after " + timeout + " at " + url + "; see " + log);
    }

    /** Waits until something accepts connections on the port. */
    void awaitListening(int port, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw stopped();
            }
            try (Socket socket = new Socket("localhost", port)) {
                return;
            } catch (IOException e) {
                pause();
            }
        }
        throw new IllegalStateException(name + " not listening on " + port + " after " + timeout + "; see " + log);
    }

    /**
     * The process ended while the stack waited for it: the end of its log says why (a port taken, a refused
     * setting), so that a build's output shows it where the log file itself is gone.
     */
    private IllegalStateException stopped() {
        return new IllegalStateException(name + " stopped (exit " + process.exitValue() + "); the end of " + log
                + ":\n" + tail(log, 20));
    }

    /** The last lines of the log, from its last 64 kB, a byte that is not UTF-8 shown as a replacement character. */
    private static String tail(Path log, int lines) {
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long from = Math.max(0, file.length() - 65_536);
            byte[] end = new byte[(int) (file.length() - from)];
            file.seek(from);
            file.readFully(end);
            List<String> kept = new String(end, StandardCharsets.UTF_8).lines()
                    .map(line -> line.length() > 400 ? line.substring(0, 400) + "…" : line).toList();
            return String.join("\n", kept.subList(Math.max(0, kept.size() - lines), kept.size()));
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException(name + " did not finish within " + timeout + "; see " + log);
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Kills the process at once (SIGKILL, as a crash or the kernel's out-of-memory killer does): no shutdown hook runs,
     * nothing is flushed or closed. Waits until it is dead (a killed process still holds its ports until then).
     */
    void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException(name + " still alive 30 s after SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while killing " + name, e);
        }
    }

    /**
     * Sends the process a signal by name ({@code STOP} freezes it where it is, {@code CONT} resumes it) with the
     * shell's {@code kill}: {@link ProcessHandle} sends only SIGTERM and SIGKILL.
     */
    void signal(String signal) {
        if (!process.isAlive()) {
            throw new IllegalStateException(name + " is not running");
        }
        try {
            // the shell's built-in kill: no procps package needed
            Process kill = new ProcessBuilder("sh", "-c", "kill -" + signal + " " + process.pid())
                    .redirectErrorStream(true).start();
            if (!kill.waitFor(10, TimeUnit.SECONDS)) {
                kill.destroyForcibly();
                throw new IllegalStateException("cannot send SIG" + signal + " to " + name + ": kill did not end");
            }
            if (kill.exitValue() != 0) {
                throw new IllegalStateException("cannot send SIG" + signal + " to " + name + ": "
                        + new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Asks the process and its children to stop (SIGTERM), without waiting. */
    void askToStop() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
    }

    /** Asks the process to stop (SIGTERM), then kills it and its children if it has not within 20 s. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        askToStop();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Polling a child that is starting; there is no event to wait on. */
    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
