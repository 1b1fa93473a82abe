package io.github.geodispatch.jdbc;

import io.github.geodispatch.spi.MessageStore;
import io.github.geodispatch.spi.contract.MessageStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The engine-spi {@link MessageStoreContract}, unchanged, over one Postgres database shared by its tests. */
class PostgresMessageStoreContractTest extends MessageStoreContract {
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
    protected MessageStore newStore() {
        return db.database().messages();
    }
}
