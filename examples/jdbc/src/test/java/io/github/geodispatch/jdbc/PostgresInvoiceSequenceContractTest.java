package io.github.geodispatch.jdbc;

import io.github.geodispatch.spi.InvoiceSequence;
import io.github.geodispatch.spi.contract.InvoiceSequenceContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The engine-spi {@link InvoiceSequenceContract}, unchanged, over one Postgres database shared by its tests. */
class PostgresInvoiceSequenceContractTest extends InvoiceSequenceContract {
    private static TestDatabase db;

    @BeforeAll
    static void open() {
        db = TestDatabases.postgres(10);
    }

    @AfterAll
    static void close() {
        if (db != null) {
            db.close();
        }
    }

    @Override
    protected InvoiceSequence newSequence() {
        return db.invoices();
    }
}
