package io.github.geodispatch.job;
import io.github.geodispatch.spi.JobId;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The result of checking a job's stored history for tampering. {@code firstBroken} is the index of the first
 * event that does not follow from the ones before it (or, when only the head differs from the trusted head,
 * the last event); {@code head} is the hash of the stored last event; {@code headChecked} says whether a
 * trusted head was available to check the last event against. Immutable and thread-safe.
 */
public record HistoryVerification(JobId job, int events, OptionalInt firstBroken, String head, boolean headChecked) {
    public HistoryVerification {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(firstBroken, "firstBroken");
        Objects.requireNonNull(head, "head");
    }

    /** True when the chain verifies (and, if a trusted head was known, ends in it). */
    public boolean intact() {
        return firstBroken.isEmpty();
    }
}
