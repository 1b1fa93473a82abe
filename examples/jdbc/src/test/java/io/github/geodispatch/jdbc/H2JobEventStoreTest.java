package io.github.geodispatch.jdbc;

class H2JobEventStoreTest extends JdbcJobEventStoreTestBase {
    @Override
    JdbcDatabase open() {
        return TestDatabases.h2();
    }
}
