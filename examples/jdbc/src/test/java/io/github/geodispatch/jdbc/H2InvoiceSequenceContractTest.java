package io.github.geodispatch.jdbc;

import io.github.geodispatch.spi.InvoiceSequence;
import io.github.geodispatch.spi.contract.InvoiceSequenceContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The engine-spi {@link InvoiceSequenceContract}, unchanged, over one H2 database shared by its tests. */
class H2InvoiceSequenceContractTest extends InvoiceSequenceContract {
    private static TestDatabase db;

    @BeforeAll
    static void open() {
        db = TestDatabases.h2();
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
