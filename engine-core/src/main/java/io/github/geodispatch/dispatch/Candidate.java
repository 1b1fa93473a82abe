package io.github.geodispatch.dispatch;

import io.github.geodispatch.spi.TechnicianId;

import java.util.Objects;

/**
 * A technician who satisfies every hard rule for the job, with their rank (1 = best), the best place for
 * the job in their route and the score breakdown that ranks them. Immutable and thread-safe.
 */
public record Candidate(TechnicianId technician, int rank, Insertion insertion, ScoreBreakdown score) {
    public Candidate {
        Objects.requireNonNull(technician, "technician");
        if (rank < 1) {
            throw new IllegalArgumentException("rank must be >= 1, was " + rank);
        }
        Objects.requireNonNull(insertion, "insertion");
        Objects.requireNonNull(score, "score");
    }
}
