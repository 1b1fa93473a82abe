package io.github.geodispatch.spi;

import java.util.Objects;

/**
 * Where a job goes when it is rescheduled: the technician and the window in which their work is to
 * start (e.g. Wednesday 10:00-12:00). Its {@code toString()} is part of the hash contract of the
 * event that carries it (see {@link HashChain}). Immutable and thread-safe.
 */
public record VisitSlot(TechnicianId technician, TimeWindow window) {
    public VisitSlot {
        Objects.requireNonNull(technician, "slot technician");
        Objects.requireNonNull(window, "slot window");
    }
}
