package dev.ardoise.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

/**
 * A real SMTP server (GreenMail) that keeps every message it receives; tests read them through
 * {@link InjectSmtpServer}. Also switches the Quarkus mailer from its mock mailbox to real sending.
 */
public class SmtpResource implements QuarkusTestResourceLifecycleManager {
    private GreenMail smtp;

    @Override
    public Map<String, String> start() {
        int port = freePort();
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        return Map.of(
                "quarkus.mailer.mock", "false",
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", String.valueOf(port));
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(smtp,
                new TestInjector.AnnotatedAndMatchesType(InjectSmtpServer.class, GreenMail.class));
    }

    @Override
    public void stop() {
        if (smtp != null) {
            smtp.stop();
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
