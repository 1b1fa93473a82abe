package io.github.geodispatch.stock;

import io.github.geodispatch.spi.StoredStockEvent;

import java.util.List;

/**
 * Hears every batch of stock events a {@link StockLedger} stores or reads back from its store, in position order.
 * Called on the thread that caused them, while the ledger is locked: it must not call back into the ledger.
 */
@FunctionalInterface
public interface StockListener {
    void stored(List<StoredStockEvent> events);
}
