package io.github.geodispatch.job;

import io.github.geodispatch.spi.JobId;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What became of an {@link OfflineCommand}: {@link #held()} until its reorder window closes (then
 * {@code result} is null and {@code dueAt} says when it will be applied at the latest), afterwards the
 * {@link CommandResult} it got. {@code duplicate} is set on the answer to a command whose idempotency key was
 * already submitted: it repeats the first command's outcome and changed nothing. Immutable and thread-safe.
 */
public record OfflineOutcome(JobId job, String idempotencyKey, Instant deviceTime, Instant receivedAt, Instant dueAt,
                             CommandResult result, boolean duplicate) {
    public OfflineOutcome {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(idempotencyKey, "idempotency key");
        Objects.requireNonNull(deviceTime, "device time");
        Objects.requireNonNull(receivedAt, "received at");
        Objects.requireNonNull(dueAt, "due at");
    }

    /** True while the command waits in the reorder window. */
    public boolean held() {
        return result == null;
    }

    /** How long after the technician acted the command reached the record. */
    public Duration delay() {
        return Duration.between(deviceTime, receivedAt);
    }
}
