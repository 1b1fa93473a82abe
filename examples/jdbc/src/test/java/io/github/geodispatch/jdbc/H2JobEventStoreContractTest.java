package io.github.geodispatch.jdbc;

import io.github.geodispatch.spi.JobEventStore;
import io.github.geodispatch.spi.contract.JobEventStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The engine-spi {@link JobEventStoreContract}, unchanged, over one H2 database shared by its tests. */
class H2JobEventStoreContractTest extends JobEventStoreContract {
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
    protected JobEventStore newStore() {
        return db.events();
    }
}
