package io.github.geodispatch.jdbc;

class PostgresOutboxReaderTest extends OutboxReaderTestBase {
    @Override
    TestDatabase open() {
        return TestDatabases.postgres(8);
    }
}
