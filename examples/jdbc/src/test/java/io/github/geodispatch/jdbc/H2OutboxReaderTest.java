package io.github.geodispatch.jdbc;

class H2OutboxReaderTest extends OutboxReaderTestBase {
    @Override
    TestDatabase open() {
        return TestDatabases.h2();
    }
}
