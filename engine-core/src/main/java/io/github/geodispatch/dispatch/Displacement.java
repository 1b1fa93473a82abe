package io.github.geodispatch.dispatch;

import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.Priority;
import io.github.geodispatch.spi.TechnicianId;

import java.time.Instant;
import java.util.Objects;

/**
 * A proposal for an EMERGENCY job ({@code emergency}): {@code technician} drops {@code displacedJob} (lower priority, not
 * pinned, not started) and takes the emergency at {@code emergencyInsertion}; the displaced job moves to
 * {@code movedTo} starting at {@code movedStart} ({@code null}s = no technician can take it today, it
 * needs rescheduling). {@code cost} = minutes the emergency waits + minutes of added travel +
 * (displaced priority weight / 10) x minutes the displaced job is delayed (480 when it cannot be placed).
 * The dispatcher accepts it through {@link Dispatcher#accept(Displacement, io.github.geodispatch.spi.Actor)}.
 * Immutable and thread-safe.
 */
public record Displacement(DispatchJob emergency, TechnicianId technician, Insertion emergencyInsertion,
                           JobId displacedJob, Priority displacedPriority, Instant displacedWasStarting,
                           TechnicianId movedTo, Instant movedStart, double cost, String explanation) {
    public Displacement {
        Objects.requireNonNull(emergency, "emergency job");
        Objects.requireNonNull(technician, "technician");
        Objects.requireNonNull(emergencyInsertion, "emergency insertion");
        Objects.requireNonNull(displacedJob, "displaced job");
        Objects.requireNonNull(displacedPriority, "displaced priority");
        Objects.requireNonNull(displacedWasStarting, "displaced job's old start");
        if ((movedTo == null) != (movedStart == null)) {
            throw new IllegalArgumentException("movedTo and movedStart are both set or both null");
        }
        Objects.requireNonNull(explanation, "explanation");
    }
}
