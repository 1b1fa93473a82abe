package io.github.geodispatch.jdbc;

import com.zaxxer.hikari.HikariDataSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

class PostgresJdbcDatabaseTest extends JdbcDatabaseTestBase {
    private final String hostSchema = TestDatabases.newSchemaName();
    private final String ownSchema = TestDatabases.newSchemaName();

    @Override
    HikariDataSource openHostPool() {
        TestDatabases.requirePostgres();
        execute("CREATE SCHEMA " + hostSchema);
        return TestDatabases.postgresPool(4, hostSchema);
    }

    @Override
    void dropHostSchema() {
        execute("DROP SCHEMA IF EXISTS " + hostSchema + " CASCADE; DROP SCHEMA IF EXISTS " + ownSchema + " CASCADE");
    }

    @Override
    String ownSchema() {
        return ownSchema;
    }

    private static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(System.getenv(TestDatabases.URL_VARIABLE),
                TestDatabases.env("GEODISPATCH_PG_USER", "geodispatch"), TestDatabases.env("GEODISPATCH_PG_PASSWORD", ""));
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
