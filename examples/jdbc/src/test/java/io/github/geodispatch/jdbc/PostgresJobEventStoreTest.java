package io.github.geodispatch.jdbc;

class PostgresJobEventStoreTest extends JdbcJobEventStoreTestBase {
    @Override
    TestDatabase open() {
        return TestDatabases.postgres(8);
    }
}
