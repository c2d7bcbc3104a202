package dev.ardoise.localstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** A PostgreSQL server from the embedded binaries, with one database per service. */
final class Postgres implements AutoCloseable {
    static final List<String> DATABASES = List.of("ardoise_accounts", "ardoise_invoices", "ardoise_notifications");

    private final EmbeddedPostgres server;

    private Postgres(EmbeddedPostgres server) {
        this.server = server;
    }

    static Postgres start(StackSettings settings) {
        try {
            EmbeddedPostgres server = EmbeddedPostgres.builder()
                    .setPort(settings.postgresPort())
                    .setDataDirectory(settings.workDir().resolve("postgres"))
                    .setCleanDataDirectory(!settings.keepData())
                    // The stack stops it last, after the services; zonky's own hook would stop it at once.
                    .setRegisterShutdownHook(false)
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(
                            settings.logs().resolve("postgres.log").toFile()))
                    .start();
            createDatabases(server);
            return new Postgres(server);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start PostgreSQL", e);
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
