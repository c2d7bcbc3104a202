package dev.ardoise.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * A real PostgreSQL server for a test application: the test JVM's one server ({@link TestPostgres}), and a database
 * of the application's own, created empty at each application start.
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        TestPostgres server = TestPostgres.ofThisJvm();
        String database = server.newDatabase();
        String hostAndPort = "localhost:" + server.port();
        return Map.of(
                "quarkus.datasource.reactive.url", "postgresql://" + hostAndPort + "/" + database,
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://" + hostAndPort + "/" + database,
                "quarkus.datasource.username", TestPostgres.USER,
                "quarkus.datasource.password", TestPostgres.USER);
    }

    @Override
    public void stop() {
        // the server outlives the application: the next one gets a database of its own on it
    }
}
