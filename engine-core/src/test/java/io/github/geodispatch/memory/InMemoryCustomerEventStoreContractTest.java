package io.github.geodispatch.memory;
import io.github.geodispatch.spi.CustomerEventStore;
import io.github.geodispatch.spi.contract.CustomerEventStoreContract;

class InMemoryCustomerEventStoreContractTest extends CustomerEventStoreContract {
    @Override
    protected CustomerEventStore newStore() {
        return new InMemoryCustomerEventStore();
    }
}
