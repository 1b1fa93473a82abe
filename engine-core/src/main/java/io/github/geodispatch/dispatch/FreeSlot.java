package io.github.geodispatch.dispatch;

import io.github.geodispatch.spi.TechnicianId;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A place a job could still take: on {@code day}, in {@code technician}'s route at {@code insertion}
 * (arrival, start and end of the work), with the score breakdown that explains it ({@link #reasons()}).
 * Immutable and thread-safe.
 */
public record FreeSlot(LocalDate day, TechnicianId technician, Insertion insertion, ScoreBreakdown score) {
    public FreeSlot {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(technician, "technician");
        Objects.requireNonNull(insertion, "insertion");
        Objects.requireNonNull(score, "score");
    }

    /** Why this technician and this place: every score term, e.g. {@code +7 min travel (7.0), load 4/8 (...) ...}. */
    public String reasons() {
        return score.describe();
    }

    @Override
    public String toString() {
        return day + " " + technician + " starts " + insertion.start() + ": " + reasons();
    }
}
