package io.github.geodispatch.spi;

/** Why stock was written off. */
public enum WriteOffReason {
    DAMAGED,
    /** Faulty from the supplier (returned or scrapped). */
    DEFECTIVE,
    EXPIRED,
    LOST,
    STOLEN,
    /** Any other reason; the write-off's note says which. */
    OTHER
}
