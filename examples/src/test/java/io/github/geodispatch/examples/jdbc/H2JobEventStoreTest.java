package io.github.geodispatch.examples.jdbc;

class H2JobEventStoreTest extends JdbcJobEventStoreTestBase {
    @Override
    JdbcDatabase open() {
        return TestDatabases.h2();
    }
}
