package io.github.geodispatch.jdbc;

import io.github.geodispatch.spi.CustomerEventStore;
import io.github.geodispatch.spi.contract.CustomerEventStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The engine-spi {@link CustomerEventStoreContract}, unchanged, over one Postgres database shared by its tests. */
class PostgresCustomerEventStoreContractTest extends CustomerEventStoreContract {
    private static TestDatabase db;

    @BeforeAll
    static void open() {
        db = TestDatabases.postgres(4);
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
