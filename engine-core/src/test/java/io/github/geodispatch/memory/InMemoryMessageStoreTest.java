package io.github.geodispatch.memory;

import io.github.geodispatch.spi.MessageStore;
import io.github.geodispatch.spi.contract.MessageStoreContract;

/** The in-memory message store passes the store contract. */
class InMemoryMessageStoreTest extends MessageStoreContract {
    @Override
    protected MessageStore newStore() {
        return new InMemoryMessageStore();
    }
}
