package io.github.geodispatch.job;

import io.github.geodispatch.spi.DeviceOrigin;
import io.github.geodispatch.spi.JobId;

import java.time.Instant;
import java.util.Objects;

/**
 * A command a technician's phone queued while it was offline: the command, the phone's clock when the technician
 * acted, and the phone's idempotency key for it (1-128 printable ASCII characters; the same key sent again is the
 * same command). See {@link OfflineInbox}. Immutable and thread-safe.
 */
public record OfflineCommand(JobCommand command, Instant deviceTime, String idempotencyKey) {
    public OfflineCommand {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(deviceTime, "device time");
        DeviceOrigin.requireKey(idempotencyKey);
    }

    public JobId job() {
        return command.job();
    }
}
