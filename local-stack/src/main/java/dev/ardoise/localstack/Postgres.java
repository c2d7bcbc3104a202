package dev.ardoise.localstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

/**
 * A PostgreSQL server from the embedded binaries, with one database per service. The embedded server is made
 * with trust authentication; at its first start the stack gives {@code postgres} the generated password and asks
 * for it (scram-sha-256) on every connection from then on.
 */
final class Postgres implements AutoCloseable {
    static final String USER = "postgres";
    static final List<String> DATABASES = List.of("ardoise_accounts", "ardoise_invoices", "ardoise_notifications");

    private static final String PASSWORD_RULES = """
            # made by the local stack: the generated password (secrets/passwords.properties, "db") on every connection
            local all all scram-sha-256
            host all all 127.0.0.1/32 scram-sha-256
            host all all ::1/128 scram-sha-256
            """;

    private final EmbeddedPostgres server;
    private final Path dataDirectory;

    private Postgres(EmbeddedPostgres server, Path dataDirectory) {
        this.server = server;
        this.dataDirectory = dataDirectory;
    }

    static Postgres start(StackSettings settings, Secrets secrets) {
        Path data = settings.workDir().resolve("postgres");
        try {
            EmbeddedPostgres server = EmbeddedPostgres.builder()
                    .setPort(settings.postgresPort())
                    .setDataDirectory(data)
                    .setConnectConfig("password", secrets.databasePassword())
                    // Starting afresh is the stack's to decide (it deletes the folder first); zonky's cleaning would
                    // delete the data when the stack stops, and the next start would find the broker's log without them.
                    .setCleanDataDirectory(false)
                    // The stack stops it last, after the services; zonky's own hook would stop it at once.
                    .setRegisterShutdownHook(false)
                    // it starts beside the broker and the mail server now: zonky's 10 s are short on a busy machine
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("fsync", onOff(settings.durableCommits()))
                    .setServerConfig("synchronous_commit", onOff(settings.durableCommits()))
                    .setServerConfig("full_page_writes", onOff(settings.durableCommits()))
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(
                            settings.logs().resolve("postgres.log").toFile()))
                    .start();
            requirePassword(server, data, secrets.databasePassword());
            createDatabases(server);
            return new Postgres(server, data);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start PostgreSQL", e);
        }
    }

    private static String onOff(boolean on) {
        return on ? "on" : "off";
    }

    /** The server's main process (postmaster); its backends are its children. */
    ProcessHandle process() {
        try {
            long pid = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).strip());
            return ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("PostgreSQL is not running"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void requirePassword(EmbeddedPostgres server, Path data, String password) throws IOException {
        Path rules = data.resolve("pg_hba.conf");
        if (Files.readString(rules).contains(PASSWORD_RULES)) {
            return;
        }
        try (Connection connection = server.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("alter role " + USER + " password '" + password.replace("'", "''") + "'");
            Files.writeString(rules, PASSWORD_RULES);
            statement.execute("select pg_reload_conf()");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot set the database password", e);
        }
    }

    private static void createDatabases(EmbeddedPostgres server) {
        try (Connection connection = server.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            for (String database : DATABASES) {
                try (ResultSet exists = statement.executeQuery(
                        "select 1 from pg_database where datname = '" + database + "'")) {
                    if (!exists.next()) {
                        statement.execute("create database " + database);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the services' databases", e);
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
