package io.github.geodispatch.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * A provider's word on a message it accepted (a WhatsApp status webhook): SENT, DELIVERED, READ or FAILED at
 * {@code at}, with the provider's explanation of a failure in {@code detail} (empty otherwise). Immutable and
 * thread-safe.
 */
public record DeliveryReport(String providerMessageId, DeliveryStatus status, Instant at, String detail) {
    public DeliveryReport {
        if (providerMessageId == null || providerMessageId.isBlank()) {
            throw new IllegalArgumentException("provider message id must not be blank");
        }
        Objects.requireNonNull(status, "status");
        if (status != DeliveryStatus.SENT && status != DeliveryStatus.DELIVERED && status != DeliveryStatus.READ
                && status != DeliveryStatus.FAILED) {
            throw new IllegalArgumentException("a delivery report says SENT, DELIVERED, READ or FAILED, not " + status);
        }
        CalendarRange.require(at, "at");
        detail = detail == null ? "" : detail;
    }
}
