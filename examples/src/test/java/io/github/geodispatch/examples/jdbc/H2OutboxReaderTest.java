package io.github.geodispatch.examples.jdbc;

class H2OutboxReaderTest extends OutboxReaderTestBase {
    @Override
    JdbcDatabase open() {
        return TestDatabases.h2();
    }
}
