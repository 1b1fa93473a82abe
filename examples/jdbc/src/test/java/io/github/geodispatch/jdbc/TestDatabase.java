package io.github.geodispatch.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import io.github.geodispatch.spi.InvoiceSequence;

/**
 * What a test host holds: its own pool and the adapter over it. Closing it closes the pool (an in-memory
 * H2 database goes with its last connection).
 */
final class TestDatabase implements AutoCloseable {
    private final HikariDataSource dataSource;
    private final JdbcDatabase database;

    TestDatabase(HikariDataSource dataSource, JdbcDatabase database) {
        this.dataSource = dataSource;
        this.database = database;
    }

    HikariDataSource dataSource() {
        return dataSource;
    }

    JdbcDatabase database() {
        return database;
    }

    JdbcJobEventStore events() {
        return database.events();
    }

    InvoiceSequence invoices() {
        return database.invoices();
    }

    OutboxReader.Builder outboxReader(String consumer) {
        return database.outboxReader(consumer);
    }

    /** A reader of the consumer with the given batch size and the other settings at their defaults. */
    OutboxReader outbox(String consumer, int batchSize) {
        return database.outboxReader(consumer).batchSize(batchSize).build();
    }

    boolean isPostgres() {
        return database.isPostgres();
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
