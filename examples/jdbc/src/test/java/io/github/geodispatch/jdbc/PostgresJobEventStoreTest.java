package io.github.geodispatch.jdbc;

class PostgresJobEventStoreTest extends JdbcJobEventStoreTestBase {
    @Override
    JdbcDatabase open() {
        return TestDatabases.postgres(8);
    }
}
