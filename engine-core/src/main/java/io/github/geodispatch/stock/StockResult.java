package io.github.geodispatch.stock;

import io.github.geodispatch.spi.StoredStockEvent;

import java.util.List;
import java.util.Objects;

/**
 * What {@link StockLedger#execute} did with a command: {@link Accepted} with the events it stored, or
 * {@link Rejected} with the reason (and nothing changed). Immutable and thread-safe.
 */
public sealed interface StockResult {

    boolean isAccepted();

    /** The stored events, or throws {@link IllegalStateException} naming the rejection. */
    List<StoredStockEvent> orThrow();

    /** Accepted; {@code events} are what it stored, empty when it repeated a part use already recorded. */
    record Accepted(List<StoredStockEvent> events) implements StockResult {
        public Accepted {
            events = List.copyOf(events);
        }

        @Override
        public boolean isAccepted() {
            return true;
        }

        @Override
        public List<StoredStockEvent> orThrow() {
            return events;
        }
    }

    /** Refused; nothing changed. */
    record Rejected(StockRejection rejection) implements StockResult {
        public Rejected {
            Objects.requireNonNull(rejection, "rejection");
        }

        @Override
        public boolean isAccepted() {
            return false;
        }

        @Override
        public List<StoredStockEvent> orThrow() {
            throw new IllegalStateException(rejection.reason() + ": " + rejection.message());
        }
    }
}
