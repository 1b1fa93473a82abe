package io.github.geodispatch.memory;
import io.github.geodispatch.spi.JobEventStore;
import io.github.geodispatch.spi.contract.JobEventStoreContract;

class InMemoryJobEventStoreTest extends JobEventStoreContract {
    @Override
    protected JobEventStore newStore() {
        return new InMemoryJobEventStore();
    }
}
