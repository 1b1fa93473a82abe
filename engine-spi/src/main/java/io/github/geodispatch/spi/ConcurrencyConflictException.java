package io.github.geodispatch.spi;

/**
 * An append expected a stream version that is no longer current: someone else appended first.
 * Nothing of the rejected append was stored; re-read the stream, re-decide, and retry.
 */
public final class ConcurrencyConflictException extends RuntimeException {
    private final StreamId stream;
    private final long expectedVersion;
    private final long actualVersion;

    public ConcurrencyConflictException(StreamId stream, long expectedVersion, long actualVersion) {
        super("stream " + stream + " is at version " + actualVersion + ", append expected " + expectedVersion);
        this.stream = stream;
        this.expectedVersion = expectedVersion;
        this.actualVersion = actualVersion;
    }

    public StreamId stream() {
        return stream;
    }

    public long expectedVersion() {
        return expectedVersion;
    }

    public long actualVersion() {
        return actualVersion;
    }
}
