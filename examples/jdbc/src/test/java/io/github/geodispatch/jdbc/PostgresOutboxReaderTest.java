package io.github.geodispatch.jdbc;

class PostgresOutboxReaderTest extends OutboxReaderTestBase {
    @Override
    JdbcDatabase open() {
        return TestDatabases.postgres(8);
    }
}
