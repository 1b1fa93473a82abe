package io.github.geodispatch.spi;

/**
 * A stock append expected a stream version that is no longer current: someone else appended first. Nothing of
 * the rejected append (of any of its streams) was stored; re-read, re-decide, and retry.
 */
public final class StockConflictException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient StockStreamId stream;
    private final long expectedVersion;
    private final long actualVersion;

    public StockConflictException(StockStreamId stream, long expectedVersion, long actualVersion) {
        super("stock stream " + stream + " is at version " + actualVersion + ", append expected " + expectedVersion);
        this.stream = stream;
        this.expectedVersion = expectedVersion;
        this.actualVersion = actualVersion;
    }

    public StockStreamId stream() {
        return stream;
    }

    public long expectedVersion() {
        return expectedVersion;
    }

    public long actualVersion() {
        return actualVersion;
    }
}
