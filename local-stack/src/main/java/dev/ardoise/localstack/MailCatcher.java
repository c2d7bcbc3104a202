package dev.ardoise.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An SMTP server that keeps every message and lets a person read them (GreenMail standalone): SMTP on
 * {@code smtpPort}, a REST API and its Swagger UI on {@code mailApiPort}.
 */
final class MailCatcher implements AutoCloseable {
    private final ChildProcess process;

    private MailCatcher(ChildProcess process) {
        this.process = process;
    }

    static MailCatcher start(StackSettings settings) {
        Path jar = settings.home().resolve("local-stack/target/greenmail-standalone.jar");
        List<String> command = new ArrayList<>(List.of(Java.executable(), "-Xmx128m"));
        command.addAll(settings.jvmOptions());
        command.addAll(List.of("-Dgreenmail.smtp.hostname=127.0.0.1", "-Dgreenmail.smtp.port=" + settings.smtpPort(),
                "-Dgreenmail.api.hostname=127.0.0.1", "-Dgreenmail.api.port=" + settings.mailApiPort(),
                "-Dgreenmail.auth.disabled", "-jar", jar.toString()));
        ChildProcess greenMail = ChildProcess.start("greenmail", command, Map.of(),
                settings.logs().resolve("greenmail.log"));
        greenMail.awaitHealthy(settings.mailApiUrl() + "/api/service/readiness", Duration.ofSeconds(30));
        return new MailCatcher(greenMail);
    }

    ProcessHandle process() {
        return process.handle();
    }

    @Override
    public void close() {
        process.close();
    }
}
