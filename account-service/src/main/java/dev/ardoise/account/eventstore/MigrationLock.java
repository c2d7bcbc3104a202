package dev.ardoise.account.eventstore;

import io.quarkus.flyway.FlywayConfigurationCustomizer;
import jakarta.inject.Singleton;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;

/**
 * Flyway holds its PostgreSQL lock for the length of the migration in a session, not in an open transaction: a
 * {@code CREATE INDEX CONCURRENTLY} (V7) waits for every transaction older than it, Flyway's own included, so with
 * the transactional lock (Flyway's default) it would wait forever. Quarkus has no setting for it.
 */
@Singleton
public class MigrationLock implements FlywayConfigurationCustomizer {

    @Override
    public void customize(FluentConfiguration configuration) {
        configuration.getPluginRegister().getPlugin(PostgreSQLConfigurationExtension.class).setTransactionalLock(false);
    }
}
