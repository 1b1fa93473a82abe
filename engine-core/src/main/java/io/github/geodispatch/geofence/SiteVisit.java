package io.github.geodispatch.geofence;

import io.github.geodispatch.spi.TechnicianId;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A stay of a technician inside a fence: from the first to the last inside evidence. {@code confidence}
 * in [0, 1] is the share of the technician's evidence pings in that span that fell inside the fence.
 * {@code signals} are the spoof signals the technician's pings raised while the stay was open (empty for a clean
 * visit): a visit built from suspect pings, which the business's {@link SuspectVisitPolicy} refuses or flags.
 * Immutable and thread-safe.
 */
public record SiteVisit(TechnicianId technician, FenceId fence, FenceKind kind, Instant enteredAt, Instant exitedAt,
                        Duration dwell, double confidence, Set<SpoofSignal> signals) {
    /** By technician id, then entry time, then fence id: the order of {@link VisitLog#all()} and of reports. */
    public static final Comparator<SiteVisit> ORDER = Comparator.comparing((SiteVisit v) -> v.technician().value())
            .thenComparing(SiteVisit::enteredAt).thenComparing(v -> v.fence().value());

    public SiteVisit {
        Objects.requireNonNull(technician, "technician");
        Objects.requireNonNull(fence, "fence");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(enteredAt, "enteredAt");
        Objects.requireNonNull(exitedAt, "exitedAt");
        if (exitedAt.isBefore(enteredAt)) {
            throw new IllegalArgumentException("visit exit " + exitedAt + " is before its entry " + enteredAt);
        }
        if (!Duration.between(enteredAt, exitedAt).equals(dwell)) {
            throw new IllegalArgumentException("dwell " + dwell + " must equal exitedAt - enteredAt");
        }
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be in [0, 1], was " + confidence);
        }
        signals = signals == null || signals.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(signals));
    }

    /** A clean visit. */
    public static SiteVisit of(TechnicianId technician, FenceId fence, FenceKind kind, Instant enteredAt, Instant exitedAt,
                               double confidence) {
        return of(technician, fence, kind, enteredAt, exitedAt, confidence, Set.of());
    }

    public static SiteVisit of(TechnicianId technician, FenceId fence, FenceKind kind, Instant enteredAt, Instant exitedAt,
                               double confidence, Set<SpoofSignal> signals) {
        return new SiteVisit(technician, fence, kind, enteredAt, exitedAt, Duration.between(enteredAt, exitedAt), confidence,
                signals);
    }

    /** True when the visit was built from suspect pings (it carries spoof signals). */
    public boolean suspect() {
        return !signals.isEmpty();
    }

    /** True if this visit overlaps the half-open window [from, to). */
    public boolean overlaps(Instant from, Instant to) {
        return enteredAt.isBefore(to) && !exitedAt.isBefore(from);
    }
}
