package io.github.geodispatch.spi;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * An AMC contract or warranty that may pay for a job: valid up to and including {@code validUntil},
 * for the listed job types (empty = every job type).
 */
public record Coverage(CoverageKind kind, String reference, LocalDate validUntil, List<String> jobTypes) {
    public Coverage {
        Objects.requireNonNull(kind, "coverage kind");
        if (reference == null || reference.isBlank()) {
            throw new IllegalArgumentException("coverage reference must not be blank");
        }
        Objects.requireNonNull(validUntil, "coverage validUntil");
        jobTypes = List.copyOf(jobTypes == null ? List.of() : jobTypes);
    }

    /** True when this coverage pays for a job of {@code jobType} done on {@code day}. */
    public boolean covers(String jobType, LocalDate day) {
        return !day.isAfter(validUntil) && (jobTypes.isEmpty() || jobTypes.contains(jobType));
    }
}
