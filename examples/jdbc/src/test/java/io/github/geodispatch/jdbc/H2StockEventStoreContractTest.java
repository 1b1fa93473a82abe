package io.github.geodispatch.jdbc;

import io.github.geodispatch.spi.StockEventStore;
import io.github.geodispatch.spi.contract.StockEventStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The engine-spi {@link StockEventStoreContract}, unchanged, over one H2 database shared by its tests. */
class H2StockEventStoreContractTest extends StockEventStoreContract {
    private static AutoCloseable db;
    private static StockEventStore store;

    @BeforeAll
    static void open() {
        var opened = TestDatabases.h2();
        db = opened;
        store = opened.database().stock();
    }

    @AfterAll
    static void close() throws Exception {
        if (db != null) {
            db.close();
        }
    }

    @Override
    protected StockEventStore newStore() {
        return store;
    }
}
