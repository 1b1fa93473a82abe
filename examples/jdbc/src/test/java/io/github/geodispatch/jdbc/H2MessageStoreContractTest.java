package io.github.geodispatch.jdbc;

import io.github.geodispatch.spi.MessageStore;
import io.github.geodispatch.spi.contract.MessageStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The engine-spi {@link MessageStoreContract}, unchanged, over one H2 database shared by its tests. */
class H2MessageStoreContractTest extends MessageStoreContract {
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
    protected MessageStore newStore() {
        return db.database().messages();
    }
}
