package io.github.geodispatch.memory;
import io.github.geodispatch.spi.StockEventStore;
import io.github.geodispatch.spi.contract.StockEventStoreContract;

class InMemoryStockEventStoreTest extends StockEventStoreContract {
    @Override
    protected StockEventStore newStore() {
        return new InMemoryStockEventStore();
    }
}
