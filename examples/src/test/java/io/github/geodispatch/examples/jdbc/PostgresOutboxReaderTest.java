package io.github.geodispatch.examples.jdbc;

class PostgresOutboxReaderTest extends OutboxReaderTestBase {
    @Override
    JdbcDatabase open() {
        return TestDatabases.postgres(8);
    }
}
