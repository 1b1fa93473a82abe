package io.github.geodispatch.geofence;

import io.github.geodispatch.spi.TechnicianId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** {@link VisitLog} in memory: one list per technician, each guarded by its own lock. Thread-safe. */
final class InMemoryVisitLog implements VisitLog {
    private final Map<TechnicianId, List<SiteVisit>> byTechnician = new ConcurrentHashMap<>();

    void record(SiteVisit visit) {
        List<SiteVisit> list = byTechnician.computeIfAbsent(visit.technician(), t -> new ArrayList<>());
        synchronized (list) {
            list.add(visit);
        }
    }

    @Override
    public List<SiteVisit> visits(TechnicianId technician, Instant from, Instant to) {
        return select(technician, null, from, to);
    }

    @Override
    public List<SiteVisit> visits(TechnicianId technician, FenceId fence, Instant from, Instant to) {
        return select(technician, java.util.Objects.requireNonNull(fence, "fence"), from, to);
    }

    private List<SiteVisit> select(TechnicianId technician, FenceId fence, Instant from, Instant to) {
        java.util.Objects.requireNonNull(technician, "technician");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("window end " + to + " is before its start " + from);
        }
        List<SiteVisit> list = byTechnician.get(technician);
        if (list == null) {
            return List.of();
        }
        List<SiteVisit> out = new ArrayList<>();
        synchronized (list) {
            for (SiteVisit v : list) {
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
        for (List<SiteVisit> list : byTechnician.values()) {
            synchronized (list) {
                out.addAll(list);
            }
        }
        out.sort(Comparator.comparing((SiteVisit v) -> v.technician().value()).thenComparing(SiteVisit::enteredAt)
                .thenComparing(v -> v.fence().value()));
        return out;
    }
}
