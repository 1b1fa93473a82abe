package io.github.geodispatch.geofence.internal;
import io.github.geodispatch.geofence.FenceId;
import io.github.geodispatch.geofence.SiteVisit;
import io.github.geodispatch.geofence.VisitLog;
import io.github.geodispatch.spi.TechnicianId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link VisitLog} in memory: one history per technician, each guarded by its own lock, holding the visits
 * that ended within the retention of the end of the technician's newest visit. Thread-safe.
 */
final class InMemoryVisitLog implements VisitLog {
    private final Duration retention;
    private final Map<TechnicianId, History> byTechnician = new ConcurrentHashMap<>();

    /** One technician's visits in the order they were recorded (which is nearly the order they ended). */
    private static final class History {
        final ArrayDeque<SiteVisit> visits = new ArrayDeque<>();
        Instant newestEnd = Instant.MIN;
        /** Emptied and taken out of the map by {@link #forgetBefore}: a visit for it goes into a new history. */
        boolean dropped;
    }

    InMemoryVisitLog(Duration retention) {
        this.retention = retention;
    }

    void record(SiteVisit visit) {
        History h = byTechnician.computeIfAbsent(visit.technician(), t -> new History());
        synchronized (h) {
            if (h.dropped) {
                record(visit);
                return;
            }
            h.visits.addLast(visit);
            if (visit.exitedAt().isAfter(h.newestEnd)) {
                h.newestEnd = visit.exitedAt();
            }
            // from the oldest recorded on; a visit recorded out of end order is kept a little longer, never less
            Instant keepFrom = h.newestEnd.minus(retention);
            while (h.visits.getFirst().exitedAt().isBefore(keepFrom)) {
                h.visits.removeFirst();
            }
        }
    }

    /**
     * Drops every visit that ended more than the retention before {@code before} (from the oldest recorded on, as
     * {@link #record} does), and the histories it empties: a technician who has not been seen for that long, and
     * whose newest visit therefore never moves on, no longer keeps their last weeks of visits for ever.
     */
    void forgetBefore(Instant before) {
        if (before.isBefore(Instant.MIN.plus(retention))) {
            return;
        }
        Instant keepFrom = before.minus(retention);
        for (Map.Entry<TechnicianId, History> e : byTechnician.entrySet()) {
            History h = e.getValue();
            synchronized (h) {
                while (!h.visits.isEmpty() && h.visits.getFirst().exitedAt().isBefore(keepFrom)) {
                    h.visits.removeFirst();
                }
                if (h.visits.isEmpty()) {
                    h.dropped = true;
                    byTechnician.remove(e.getKey(), h);
                }
            }
        }
    }

    /** How many technicians' histories the log holds. */
    int techniciansHeld() {
        return byTechnician.size();
    }

    @Override
    public List<SiteVisit> visits(TechnicianId technician, Instant from, Instant to) {
        return select(technician, null, from, to);
    }

    @Override
    public List<SiteVisit> visits(TechnicianId technician, FenceId fence, Instant from, Instant to) {
        return select(technician, Objects.requireNonNull(fence, "fence"), from, to);
    }

    private List<SiteVisit> select(TechnicianId technician, FenceId fence, Instant from, Instant to) {
        Objects.requireNonNull(technician, "technician");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("window end " + to + " is before its start " + from);
        }
        History h = byTechnician.get(technician);
        if (h == null) {
            return List.of();
        }
        List<SiteVisit> out = new ArrayList<>();
        synchronized (h) {
            for (SiteVisit v : h.visits) {
                if ((fence == null || v.fence().equals(fence)) && v.overlaps(from, to)) {
                    out.add(v);
                }
            }
        }
        out.sort(Comparator.comparing(SiteVisit::enteredAt));
        return out;
    }

    @Override
    public List<SiteVisit> all() {
        List<SiteVisit> out = new ArrayList<>();
        for (History h : byTechnician.values()) {
            synchronized (h) {
                out.addAll(h.visits);
            }
        }
        out.sort(SiteVisit.ORDER);
        return out;
    }
}
