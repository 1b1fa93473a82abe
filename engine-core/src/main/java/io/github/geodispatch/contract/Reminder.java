package io.github.geodispatch.contract;

import io.github.geodispatch.spi.CustomerId;
import java.util.Objects;

/**
 * A message to a customer about their contract or equipment. {@code key} names it uniquely (for example
 * {@code renewal:AMC-1:15}): a reminder with a key already sent is not sent again. Immutable and thread-safe.
 */
public record Reminder(String key, Kind kind, CustomerId customer, String subject, String body) {
    /** What the reminder is about. */
    public enum Kind { RENEWAL, WARRANTY }

    public Reminder {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("reminder key must not be blank");
        }
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
    }
}
