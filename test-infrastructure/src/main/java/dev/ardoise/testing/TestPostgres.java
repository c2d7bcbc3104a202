package dev.ardoise.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * One real PostgreSQL server per test JVM (zonky's embedded binaries), started at its first use and stopped when the
 * JVM exits. Starting a server costs an initdb; a database costs a few milliseconds, so every test application gets
 * a new database on this one server instead of a server of its own.
 *
 * <p>The same server for every application's class loader ({@link JvmWide}). It does not wait for its disk
 * (fsync off): its data is thrown away with the JVM.
 */
final class TestPostgres {
    static final String USER = "postgres";
    private static final String PORT_PROPERTY = "ardoise.test.postgres.port";

    private final int port;

    private TestPostgres(int port) {
        this.port = port;
    }

    static TestPostgres ofThisJvm() {
        return new TestPostgres(Integer.parseInt(JvmWide.value(PORT_PROPERTY, () -> String.valueOf(start()))));
    }

    int port() {
        return port;
    }

    /** An empty database of its own for one test application. */
    String newDatabase() {
        String name = "app_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection connection = DriverManager.getConnection(
                "jdbc:postgresql://localhost:" + port + "/postgres", USER, USER);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the test database " + name, e);
        }
        return name;
    }

    private static int start() {
        try {
            EmbeddedPostgres server = EmbeddedPostgres.builder()
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> close(server), "stop-test-postgres"));
            return server.getPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start PostgreSQL", e);
        }
    }

    private static void close(EmbeddedPostgres server) {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
