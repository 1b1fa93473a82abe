package io.github.geodispatch.stock;

import java.util.Objects;

/**
 * Why a stock command was refused: a machine-readable {@link Reason} and a message a storekeeper can read. A
 * rejected command changed nothing. Immutable and thread-safe.
 */
public record StockRejection(Reason reason, String message) {
    public StockRejection {
        Objects.requireNonNull(reason, "reason");
        if (message == null || message.isBlank()) {
            throw new IllegalArgumentException("rejection message must not be blank");
        }
    }

    /** The reason codes of a rejection. */
    public enum Reason {
        /** The actor belongs to another tenant, or may not issue this command (role, branch, another's van). */
        NOT_PERMITTED,
        /** The SKU is not in the catalogue. */
        UNKNOWN_SKU,
        /** No location has this id. */
        UNKNOWN_LOCATION,
        /** A location with this id is already open, or the technician already has a van. */
        LOCATION_EXISTS,
        /** The technician whose job used the part has no van. */
        NO_VAN,
        /** The location holds fewer units than the command moves. */
        INSUFFICIENT_STOCK,
        /** A serial is missing, not where the command says, already held somewhere, or given for a SKU without serials. */
        SERIAL_MISMATCH,
        /** More units returned from a job than left stock for it. */
        NOTHING_TO_RETURN,
        /** A SKU's serial tracking cannot change once defined. */
        SERIAL_TRACKING_FIXED,
        /** The command's content cannot form a valid event (the message names the value). */
        INVALID_INPUT,
        /** Other writers kept changing the streams; the command was retried and given up. Retry. */
        CONCURRENCY_CONFLICT
    }
}
