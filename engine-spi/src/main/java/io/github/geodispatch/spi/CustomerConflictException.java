package io.github.geodispatch.spi;

/**
 * A customer-stream append expected a version that is no longer current: someone else appended first. Nothing
 * of the rejected append was stored; re-read the stream, re-decide, and retry.
 */
public final class CustomerConflictException extends RuntimeException {
    private final CustomerStreamId stream;
    private final long expectedVersion;
    private final long actualVersion;

    public CustomerConflictException(CustomerStreamId stream, long expectedVersion, long actualVersion) {
        super("stream " + stream + " is at version " + actualVersion + ", append expected " + expectedVersion);
        this.stream = stream;
        this.expectedVersion = expectedVersion;
        this.actualVersion = actualVersion;
    }

    public CustomerStreamId stream() {
        return stream;
    }

    public long expectedVersion() {
        return expectedVersion;
    }

    public long actualVersion() {
        return actualVersion;
    }
}
