package io.github.geodispatch.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import io.github.geodispatch.spi.StreamId;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class H2JdbcDatabaseTest extends JdbcDatabaseTestBase {
    @Override
    HikariDataSource openHostPool() {
        return TestDatabases.pool(TestDatabases.h2MemoryUrl(), "sa", "", 4, "h2-host");
    }

    @Override
    void dropHostSchema() {
        // the in-memory database went with the pool's last connection
    }

    @Override
    String ownSchema() {
        return "geodispatch_own";
    }

    @Test
    void builderSettingsAreCheckedAtOnce() {
        assertThatThrownBy(() -> JdbcDatabase.builder().build()).isInstanceOf(IllegalStateException.class)
                .hasMessage("dataSource is required");
        assertThatThrownBy(() -> JdbcDatabase.builder().dataSource(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("dataSource");
        assertThatThrownBy(() -> JdbcDatabase.over(null)).isInstanceOf(NullPointerException.class);
        DataSource any = stub("H2", null);
        assertThatThrownBy(() -> JdbcDatabase.builder().dataSource(any).dataSource(any))
                .isInstanceOf(IllegalStateException.class).hasMessage("dataSource is already set");
        for (String bad : new String[] {null, "", "Geo", "geo-dispatch", "1geo", "geo\"; DROP TABLE x; --", "g".repeat(64)}) {
            assertThatThrownBy(() -> JdbcDatabase.builder().schema(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("schema must be a lower-case SQL identifier");
        }
        assertThatThrownBy(() -> JdbcDatabase.builder().schema("a").schema("b")).isInstanceOf(IllegalStateException.class)
                .hasMessage("schema is already set");
    }

    @Test
    void anUnsupportedOrUnreachableDatabaseIsAClearError() {
        assertThatThrownBy(() -> JdbcDatabase.over(stub("SQLite", null))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unsupported database 'SQLite'").hasMessageContaining("PostgreSQL or H2");
        assertThatThrownBy(() -> JdbcDatabase.over(stub("PostgreSQL", new SQLException("Connection refused", "08001"))))
                .isInstanceOf(JdbcStoreException.class)
                .hasMessageContaining("connecting to detect the database failed: Connection refused (SQLState 08001)");
    }

    @Test
    void aDamagedStoredBodyIsReportedWithItsPosition() throws SQLException {
        try (TestDatabase db = TestDatabases.h2()) {
            StreamId stream = SampleEvents.stream("job-damaged");
            db.events().append(stream, 0, SampleEvents.everyVariant(stream).subList(0, 2));
            try (Connection connection = db.dataSource().getConnection(); Statement statement = connection.createStatement()) {
                statement.executeUpdate("UPDATE job_event SET body = X'0102' WHERE position = 2");
            }
            assertThatThrownBy(() -> db.events().readStream(stream)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("the event stored at position 2 cannot be read: not a job event body");
            assertThat(db.events().readAll(0, 1)).hasSize(1);
        }
    }

    @Test
    void connectionsGoBackToTheHostsPoolWithTheAutoCommitItLentThemWith() throws SQLException {
        for (boolean autoCommit : new boolean[] {false, true}) {
            // two connections: Flyway migrates with two
            try (BarePool pool = new BarePool(TestDatabases.h2MemoryUrl(), 2, autoCommit)) {
                JdbcDatabase db = JdbcDatabase.over(pool);
                StreamId stream = SampleEvents.stream("job-autocommit");
                db.events().append(stream, 0, SampleEvents.everyVariant(stream));
                assertThat(pool.allHaveAutoCommit(autoCommit)).as("after an append").isTrue();
                assertThat(db.events().readStream(stream)).hasSize(9);
                assertThat(db.invoices().next("BLR/25-26")).isEqualTo(1);
                assertThat(pool.allHaveAutoCommit(autoCommit)).as("after an invoice number").isTrue();
                OutboxReader reader = db.outboxReader("feed").maxAttempts(1).build();
                assertThat(reader.drain(e -> {
                    if (e.position() == 3) {
                        throw new IllegalStateException("poison");
                    }
                })).isEqualTo(9);
                assertThat(pool.allHaveAutoCommit(autoCommit)).as("after outbox polls").isTrue();
                assertThat(reader.parked()).hasSize(1);
            }
        }
    }

    /** A DataSource whose connections claim to be {@code product}, or fail with {@code failure}. */
    private static DataSource stub(String product, SQLException failure) {
        DatabaseMetaData metaData = (DatabaseMetaData) Proxy.newProxyInstance(H2JdbcDatabaseTest.class.getClassLoader(),
                new Class<?>[] {DatabaseMetaData.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getDatabaseProductName")) {
                        return product;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        Connection connection = (Connection) Proxy.newProxyInstance(H2JdbcDatabaseTest.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getMetaData" -> metaData;
                    case "close" -> null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return (ConnectionSource) () -> {
            if (failure != null) {
                throw failure;
            }
            return connection;
        };
    }
}
