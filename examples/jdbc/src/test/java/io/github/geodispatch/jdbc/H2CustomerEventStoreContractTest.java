package io.github.geodispatch.jdbc;

import io.github.geodispatch.spi.CustomerEventStore;
import io.github.geodispatch.spi.contract.CustomerEventStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The engine-spi {@link CustomerEventStoreContract}, unchanged, over one H2 database shared by its tests. */
class H2CustomerEventStoreContractTest extends CustomerEventStoreContract {
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
    protected CustomerEventStore newStore() {
        return db.database().customers();
    }
}
