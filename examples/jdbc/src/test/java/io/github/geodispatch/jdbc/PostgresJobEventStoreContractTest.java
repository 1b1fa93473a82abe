package io.github.geodispatch.jdbc;

import io.github.geodispatch.spi.JobEventStore;
import io.github.geodispatch.spi.contract.JobEventStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The engine-spi {@link JobEventStoreContract}, unchanged, over one Postgres database shared by its tests. */
class PostgresJobEventStoreContractTest extends JobEventStoreContract {
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
    protected JobEventStore newStore() {
        return db.events();
    }
}
