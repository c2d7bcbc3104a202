package dev.ardoise.systemtests;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One bash, fed pasted text as a terminal would be, so that what one paste sets ($ACCOUNT, $CASHIER) the next one
 * sees. Each paste's output (standard output and error together) is read up to a marker echoed after it.
 */
final class BashSession implements AutoCloseable {
    private static final String DONE = "@@pasted-";

    private final Process bash;
    private final Writer input;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private int pastes;

    BashSession(Path directory, Map<String, String> environment) throws IOException {
        ProcessBuilder builder = new ProcessBuilder("bash", "--noprofile", "--norc", "-s")
                .directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        bash = builder.start();
        input = new java.io.OutputStreamWriter(bash.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(this::readOutput, "bash-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Runs the pasted text (stdin closed, as nothing in a paste should wait for the keyboard) and returns its output. */
    String paste(String text, Duration patience) throws IOException, InterruptedException {
        String marker = DONE + (++pastes);
        input.write("{\n" + text + "\n} < /dev/null\nprintf '\\n" + marker + "\\n'\n");
        input.flush();
        StringBuilder output = new StringBuilder();
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            String line = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null) {
                throw new AssertionError("no end after " + patience + " of:\n" + text + "\noutput so far:\n" + output);
            }
            if (line.equals(marker)) {
                return output.toString();
            }
            output.append(line).append('\n');
        }
    }

    private void readOutput() {
        try (BufferedReader output = new BufferedReader(
                new InputStreamReader(bash.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = output.readLine(); line != null; line = output.readLine()) {
                lines.add(line);
            }
        } catch (IOException e) {
            lines.add("(bash output unreadable: " + e + ")");
        }
    }

    @Override
    public void close() {
        bash.destroyForcibly();
    }
}
