package dev.ardoise.account.eventstore;

import dev.ardoise.testing.KafkaResource;
import dev.ardoise.testing.PostgresResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * V7 builds the look-up by email's index concurrently, so appends go on during the build: outside a transaction (a
 * concurrent build cannot run in one) and under Flyway's session lock (it would wait for the transactional one
 * forever). The build leaves a valid index, which an interrupted one would not.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class EmailIndexMigrationTest {
    @Inject
    Flyway flyway;

    @Inject
    Pool pool;

    @Test
    void the_email_index_is_built_concurrently_outside_a_transaction_and_left_valid() {
        var v7 = Arrays.stream(flyway.info().applied())
                .filter(migration -> MigrationVersion.fromVersion("7").equals(migration.getVersion()))
                .findFirst().orElseThrow();
        assertTrue(v7.getState().isApplied() && !v7.getState().isFailed(), v7.getState().getDisplayName());
        assertFalse(flyway.getConfiguration().getPluginRegister().getPlugin(PostgreSQLConfigurationExtension.class)
                .isTransactionalLock(), "Flyway's lock is its session's");

        Row index = pool.query("""
                        select i.indisvalid, i.indisready from pg_index i join pg_class c on c.oid = i.indexrelid
                        where c.relname = 'account_events_by_email'""")
                .execute().await().indefinitely().iterator().next();
        assertEquals(true, index.getBoolean("indisvalid"));
        assertEquals(true, index.getBoolean("indisready"));
    }
}
