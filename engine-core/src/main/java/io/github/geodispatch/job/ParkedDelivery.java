package io.github.geodispatch.job;

import io.github.geodispatch.spi.TenantId;

import java.time.Instant;
import java.util.Objects;

/**
 * A listener the job record stopped delivering to after its {@link RedeliveryPolicy} ran out: which one
 * ({@code listener} is its {@code toString()}, {@code tenant} its scope or null for every tenant), the batch it
 * kept failing on (global positions {@code firstPosition}-{@code lastPosition}), how often, the last failure, when
 * it was parked and how many batches wait for it (the failed one included). Resume it, or close it, through
 * {@code subscription}. Immutable snapshot.
 */
public record ParkedDelivery(Subscription subscription, String listener, TenantId tenant, long firstPosition,
                             long lastPosition, int attempts, String lastFailure, Instant parkedAt, int pendingBatches) {
    public ParkedDelivery {
        Objects.requireNonNull(subscription, "subscription");
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(lastFailure, "last failure");
        Objects.requireNonNull(parkedAt, "parked at");
    }
}
