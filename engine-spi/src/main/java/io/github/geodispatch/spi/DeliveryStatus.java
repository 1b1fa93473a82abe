package io.github.geodispatch.spi;

/**
 * Where an outbound message is. QUEUED waits for its time (quiet hours, the rate limit, a retry); SENDING is held by
 * one sender while it calls the provider; SENT, DELIVERED and READ come back from the provider; FAILED and EXPIRED
 * (not sent before it stopped mattering) end it. Moves go forward only ({@link #canMoveTo}); the statuses from SENT
 * on are recorded on the message's job ({@link #reportedOnJob()}).
 */
public enum DeliveryStatus {
    QUEUED, SENDING, SENT, DELIVERED, READ, FAILED, EXPIRED;

    /** True when a message in this status may move to {@code next}. */
    public boolean canMoveTo(DeliveryStatus next) {
        return switch (this) {
            case QUEUED -> next == QUEUED || next == SENDING || next == FAILED || next == EXPIRED;
            case SENDING -> next == SENT || next == FAILED || next == QUEUED;
            case SENT -> next == DELIVERED || next == READ || next == FAILED;
            case DELIVERED -> next == READ;
            case READ, FAILED, EXPIRED -> false;
        };
    }

    /** True for the statuses a message's job records: SENT, DELIVERED, READ, FAILED and EXPIRED. */
    public boolean reportedOnJob() {
        return this != QUEUED && this != SENDING;
    }

    /** True when nothing more happens to the message. */
    public boolean isFinal() {
        return this == READ || this == FAILED || this == EXPIRED;
    }
}
