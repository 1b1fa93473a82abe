package io.github.geodispatch.jdbc;

class H2OutboxReaderTest extends OutboxReaderTestBase {
    @Override
    JdbcDatabase open() {
        return TestDatabases.h2();
    }
}
