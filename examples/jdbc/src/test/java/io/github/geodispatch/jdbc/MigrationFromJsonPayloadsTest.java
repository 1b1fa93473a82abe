package io.github.geodispatch.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import io.github.geodispatch.spi.HashChain;
import io.github.geodispatch.spi.JobEvent;
import io.github.geodispatch.spi.StoredEvent;
import io.github.geodispatch.spi.StreamId;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A store written before the binary bodies (migrations 1-2, JSON payloads) opens with every event intact:
 * migration 3 converts the rows, and the store, the outbox and appends carry on from them.
 */
class MigrationFromJsonPayloadsTest {
    /** The H2 settings the adapter used to add to every H2 URL, so the files it left behind have them. */
    private static final String OLD_H2_SETTINGS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    @Test
    void anH2StoreOfJsonPayloadsIsConvertedExactly() throws SQLException {
        String url = TestDatabases.h2MemoryUrl() + OLD_H2_SETTINGS;
        try (HikariDataSource pool = TestDatabases.pool(url, "sa", "", 4, "h2-v2")) {
            convertsExactly(pool, "JSON", "? FORMAT JSON");
        }
    }

    @Test
    void aPostgresStoreOfJsonbPayloadsIsConvertedExactly() throws SQLException {
        String schema = TestDatabases.newSchemaName();
        TestDatabases.requirePostgres();
        try (Connection connection = DriverManager.getConnection(System.getenv(TestDatabases.URL_VARIABLE),
                TestDatabases.env("GEODISPATCH_PG_USER", "geodispatch"), TestDatabases.env("GEODISPATCH_PG_PASSWORD", ""));
             Statement s = connection.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        try (HikariDataSource pool = TestDatabases.postgresPool(4, schema)) {
            convertsExactly(pool, "JSONB", "CAST(? AS JSONB)");
        }
    }

    private static void convertsExactly(DataSource dataSource, String jsonType, String jsonParameter) throws SQLException {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/geodispatch").table(JdbcDatabase.HISTORY_TABLE)
                .placeholders(Map.of("json_type", jsonType)).target("2").load().migrate();
        List<JobEvent> events = new ArrayList<>();
        for (int job = 0; job < 3; job++) {
            events.addAll(SampleEvents.everyVariant(SampleEvents.stream("job-old-" + job)));
        }
        events.addAll(EventJsonPropertiesTest.events(EventJsonPropertiesTest.firstHeaders())
                .filter(e -> !SampleEvents.hasUnpairedSurrogate(e) && !e.toString().contains("\u0000"))
                .sampleStream().limit(1_200).toList());
        insertAsVersion2Did(dataSource, jsonParameter, events);

        JdbcDatabase db = JdbcDatabase.over(dataSource);

        List<StoredEvent> all = new ArrayList<>();
        db.events().replay(0, all::add);
        assertThat(all).extracting(StoredEvent::event).isEqualTo(events);
        assertThat(all).extracting(e -> e.event().toString()).isEqualTo(events.stream().map(Object::toString).toList());
        StreamId first = SampleEvents.stream("job-old-0");
        List<JobEvent> stream = db.events().readStream(first);
        assertThat(HashChain.verifies(stream, HashChain.head(events.subList(0, 9)))).isTrue();

        db.events().append(first, stream.size(), SampleEvents.expenses(first, stream, 1, 250));
        assertThat(db.events().lastPosition()).isEqualTo(events.size() + 1L);
        assertThat(db.outboxReader("after-upgrade").build().drain(e -> { })).isEqualTo(events.size() + 1L);
    }

    /** The rows as the JSON-payload version of the store wrote them: the whole event as JSON, positions 1..n. */
    private static void insertAsVersion2Did(DataSource dataSource, String jsonParameter, List<JobEvent> events)
            throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO job_event (position, tenant_id, job_id,"
                     + " version, event_id, event_type, payload) VALUES (?, ?, ?, ?, ?, ?, " + jsonParameter + ")");
             PreparedStatement counter = connection.prepareStatement("UPDATE event_position SET last_position = ?")) {
            long position = 0;
            for (JobEvent event : events) {
                insert.setLong(1, ++position);
                insert.setString(2, event.header().tenant().value());
                insert.setString(3, event.header().job().value());
                insert.setLong(4, event.header().version());
                insert.setObject(5, event.header().eventId());
                insert.setString(6, event.getClass().getSimpleName());
                insert.setString(7, EventJson.write(event));
                insert.addBatch();
            }
            insert.executeBatch();
            counter.setLong(1, position);
            counter.executeUpdate();
        }
    }
}
