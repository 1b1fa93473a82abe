package io.github.geodispatch.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import io.github.geodispatch.spi.JobEvent;
import io.github.geodispatch.spi.StreamId;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the adapter settles into a host's database: beside the host's own Flyway migrations in the host's
 * schema, or in a schema of its own; run on each database by a subclass.
 */
abstract class JdbcDatabaseTestBase {
    private HikariDataSource hostPool;

    /** A host's pool whose connections start in a new, empty schema. */
    abstract HikariDataSource openHostPool();

    /** Removes what {@link #openHostPool} created, after the pool is closed; called only when it was opened. */
    abstract void dropHostSchema();

    @BeforeEach
    void setUp() {
        hostPool = openHostPool();
    }

    @AfterEach
    void tearDown() {
        if (hostPool != null) {
            hostPool.close();
            dropHostSchema();
        }
    }

    @Test
    void migratesBesideTheHostsOwnFlywayMigrationsInTheHostsSchema() throws SQLException {
        Flyway.configure().dataSource(hostPool).locations("classpath:db/host").load().migrate();

        JdbcDatabase db = JdbcDatabase.over(hostPool);
        StreamId stream = SampleEvents.stream("job-beside-host");
        List<JobEvent> events = SampleEvents.everyVariant(stream);
        db.events().append(stream, 0, events);

        // the host's next release still migrates: each Flyway keeps to its own history table
        Flyway.configure().dataSource(hostPool).locations("classpath:db/host", "classpath:db/host-later").load().migrate();
        assertThat(tablesInCurrentSchema()).contains("customer", "technician", "flyway_schema_history",
                "job_event", "event_position", "outbox_checkpoint", "outbox_parked", "invoice_series",
                "customer_event", JdbcDatabase.HISTORY_TABLE);
        List<String> applied = appliedVersions(JdbcDatabase.HISTORY_TABLE);
        assertThat(applied).startsWith("0", "1", "2", "3", "4").contains("6");

        // a restarted host migrates nothing and finds its events
        JdbcDatabase again = JdbcDatabase.over(hostPool);
        assertThat(again.events().readStream(stream)).isEqualTo(events);
        assertThat(appliedVersions(JdbcDatabase.HISTORY_TABLE)).isEqualTo(applied);
    }

    @Test
    void keepsItsTablesInItsOwnSchemaWhenAskedWhateverTheConnectionsSchema() throws SQLException {
        JdbcDatabase mine = JdbcDatabase.builder().dataSource(hostPool).schema(ownSchema()).build();
        StreamId stream = SampleEvents.stream("job-own-schema");
        mine.events().append(stream, 0, SampleEvents.everyVariant(stream).subList(0, 2));
        assertThat(mine.invoices().next("BLR/25-26")).isEqualTo(1);
        assertThat(mine.outboxReader("feed").build().drain(e -> { })).isEqualTo(2);

        assertThat(tablesInCurrentSchema()).as("nothing lands in the connections' schema").isEmpty();
        // a second adapter in the host's schema is a separate store
        JdbcDatabase hosts = JdbcDatabase.over(hostPool);
        assertThat(hosts.events().lastPosition()).isZero();
        assertThat(mine.events().lastPosition()).isEqualTo(2);
        assertThat(JdbcDatabase.builder().dataSource(hostPool).schema(ownSchema()).build().events().readStream(stream))
                .hasSize(2);
    }

    /** The name of a second schema for the adapter, removed by {@link #dropHostSchema}. */
    abstract String ownSchema();

    private List<String> tablesInCurrentSchema() throws SQLException {
        try (Connection connection = hostPool.getConnection();
             PreparedStatement ps = connection.prepareStatement("SELECT LOWER(table_name) FROM information_schema.tables"
                     + " WHERE table_schema = CURRENT_SCHEMA")) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            return tables;
        }
    }

    /** The versions a Flyway history table records as applied (its bookkeeping rows have none). */
    private List<String> appliedVersions(String historyTable) throws SQLException {
        try (Connection connection = hostPool.getConnection();
             PreparedStatement ps = connection.prepareStatement("SELECT \"version\" FROM \"" + historyTable
                     + "\" WHERE \"success\" AND \"version\" IS NOT NULL ORDER BY \"installed_rank\"")) {
            List<String> versions = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    versions.add(rs.getString(1));
                }
            }
            return versions;
        }
    }
}
