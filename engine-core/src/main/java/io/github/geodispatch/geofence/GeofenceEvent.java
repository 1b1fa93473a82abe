package io.github.geodispatch.geofence;

import io.github.geodispatch.spi.TechnicianId;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/** Live events of ping ingestion, delivered to {@link GeofenceListener}s. All variants are immutable records. */
public sealed interface GeofenceEvent {
    TechnicianId technician();

    /**
     * A stay became long enough to be a visit; {@code enteredAt} is its first inside evidence, {@code signals} the
     * spoof signals raised while it was open so far (the visit's final set is its {@link SiteVisit#signals()}).
     */
    record VisitStarted(TechnicianId technician, FenceId fence, FenceKind kind, Instant enteredAt,
                        Set<SpoofSignal> signals) implements GeofenceEvent {
        public VisitStarted {
            Objects.requireNonNull(technician, "technician");
            Objects.requireNonNull(fence, "fence");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(enteredAt, "enteredAt");
            signals = signals == null || signals.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(signals));
        }

        /** A visit started from clean pings. */
        public VisitStarted(TechnicianId technician, FenceId fence, FenceKind kind, Instant enteredAt) {
            this(technician, fence, kind, enteredAt, Set.of());
        }
    }

    /** A visit ended (the technician left, or the stream was flushed). */
    record VisitEnded(SiteVisit visit) implements GeofenceEvent {
        public VisitEnded {
            Objects.requireNonNull(visit, "visit");
        }

        @Override
        public TechnicianId technician() {
            return visit.technician();
        }
    }

    /** A spoofing signal at {@code at}; {@code detail} explains it (speed, repeat count). */
    record SpoofSuspected(TechnicianId technician, SpoofSignal signal, Instant at, String detail) implements GeofenceEvent {
        public SpoofSuspected {
            Objects.requireNonNull(technician, "technician");
            Objects.requireNonNull(signal, "signal");
            Objects.requireNonNull(at, "at");
            detail = detail == null ? "" : detail;
        }
    }

    /** A ping was not used; {@code outcome} says why. */
    record PingRejected(TechnicianId technician, String pingId, Instant at, PingOutcome outcome) implements GeofenceEvent {
        public PingRejected {
            Objects.requireNonNull(technician, "technician");
            Objects.requireNonNull(pingId, "pingId");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(outcome, "outcome");
        }
    }
}
