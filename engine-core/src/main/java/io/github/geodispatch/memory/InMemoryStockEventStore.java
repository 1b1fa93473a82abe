package io.github.geodispatch.memory;
import io.github.geodispatch.spi.StockAppend;
import io.github.geodispatch.spi.StockConflictException;
import io.github.geodispatch.spi.StockEvent;
import io.github.geodispatch.spi.StockEventStore;
import io.github.geodispatch.spi.StockStreamId;
import io.github.geodispatch.spi.StoredStockEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The default {@link StockEventStore}: everything in memory, lost when the process ends; the same machinery as
 * {@link InMemoryJobEventStore}. Thread-safe: appends (to one or several streams) are serialised by one lock,
 * reads take none and never see part of an append.
 */
public final class InMemoryStockEventStore implements StockEventStore {
    private final StreamTable<StockStreamId, StockEvent, StoredStockEvent> table = new StreamTable<>(
            e -> e.header().stream(), e -> e.header().version(), e -> e.header().eventId(),
            StoredStockEvent::new, StoredStockEvent::event, StockConflictException::new);

    @Override
    public List<StoredStockEvent> append(List<StockAppend> appends) {
        Objects.requireNonNull(appends, "appends");
        List<StreamTable.Part<StockStreamId, StockEvent>> parts = new ArrayList<>(appends.size());
        for (StockAppend a : appends) {
            parts.add(new StreamTable.Part<>(a.stream(), a.expectedVersion(), a.events()));
        }
        return table.append(parts);
    }

    @Override
    public List<StockEvent> readStream(StockStreamId stream) {
        return table.readStream(stream);
    }

    @Override
    public long version(StockStreamId stream) {
        return table.version(stream);
    }

    @Override
    public List<StoredStockEvent> readAll(long afterPosition, int maxCount) {
        return table.readAll(afterPosition, maxCount);
    }

    @Override
    public long lastPosition() {
        return table.lastPosition();
    }

    @Override
    public String toString() {
        return "InMemoryStockEventStore{streams=" + table.streamCount() + ", lastPosition=" + table.lastPosition() + "}";
    }
}
