package io.github.geodispatch.examples.jdbc;

class PostgresJobEventStoreTest extends JdbcJobEventStoreTestBase {
    @Override
    JdbcDatabase open() {
        return TestDatabases.postgres(8);
    }
}
