package io.github.geodispatch.jdbc;

class H2JobEventStoreTest extends JdbcJobEventStoreTestBase {
    @Override
    TestDatabase open() {
        return TestDatabases.h2();
    }
}
