package io.github.geodispatch.geofence;

import io.github.geodispatch.spi.TechnicianId;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One technician's day: branch check-in (first branch entry) and check-out (last branch exit), time on
 * customer sites, at the branch, and travelling (between the day's first and last visit, inside no
 * visit). Overlapping visits are counted once. Immutable and thread-safe.
 */
public record DailyAttendance(TechnicianId technician, LocalDate date, Optional<Instant> checkIn,
                              Optional<Instant> checkOut, Duration onSites, Duration atBranch, Duration travelling,
                              int siteVisits) {
    public DailyAttendance {
        Objects.requireNonNull(technician, "technician");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(checkIn, "checkIn");
        Objects.requireNonNull(checkOut, "checkOut");
        for (Duration d : new Duration[] {onSites, atBranch, travelling}) {
            if (Objects.requireNonNull(d, "duration").isNegative()) {
                throw new IllegalArgumentException("attendance durations must not be negative, was " + d);
            }
        }
        if (siteVisits < 0) {
            throw new IllegalArgumentException("site visits must be >= 0, was " + siteVisits);
        }
    }

    /**
     * Summarises visits per technician and local date (of entry) in {@code zone}; service-area visits are
     * ignored. Sorted by technician, then date.
     */
    public static List<DailyAttendance> summarize(Collection<SiteVisit> visits, ZoneId zone) {
        Objects.requireNonNull(zone, "zone");
        Map<TechnicianId, Map<LocalDate, List<SiteVisit>>> grouped = new TreeMap<>();
        for (SiteVisit v : visits) {
            if (v.kind() != FenceKind.SERVICE_AREA) {
                grouped.computeIfAbsent(v.technician(), t -> new TreeMap<>())
                        .computeIfAbsent(v.enteredAt().atZone(zone).toLocalDate(), d -> new ArrayList<>()).add(v);
            }
        }
        List<DailyAttendance> out = new ArrayList<>();
        grouped.forEach((technician, days) -> days.forEach((date, dayVisits) -> out.add(day(technician, date, dayVisits))));
        return out;
    }

    private static DailyAttendance day(TechnicianId technician, LocalDate date, List<SiteVisit> visits) {
        visits.sort(Comparator.comparing(SiteVisit::enteredAt));
        Instant checkIn = null, checkOut = null;
        List<SiteVisit> sites = new ArrayList<>(), branches = new ArrayList<>();
        for (SiteVisit v : visits) {
            if (v.kind() == FenceKind.BRANCH) {
                branches.add(v);
                checkIn = checkIn == null || v.enteredAt().isBefore(checkIn) ? v.enteredAt() : checkIn;
                checkOut = checkOut == null || v.exitedAt().isAfter(checkOut) ? v.exitedAt() : checkOut;
            } else {
                sites.add(v);
            }
        }
        Instant first = visits.get(0).enteredAt();
        Instant last = visits.stream().map(SiteVisit::exitedAt).max(Comparator.naturalOrder()).orElseThrow();
        Duration inVisits = union(visits);
        return new DailyAttendance(technician, date, Optional.ofNullable(checkIn), Optional.ofNullable(checkOut),
                union(sites), union(branches), Duration.between(first, last).minus(inVisits), sites.size());
    }

    /** Total length of the union of the visits' intervals. */
    private static Duration union(List<SiteVisit> visits) {
        List<SiteVisit> sorted = new ArrayList<>(visits);
        sorted.sort(Comparator.comparing(SiteVisit::enteredAt));
        Duration total = Duration.ZERO;
        Instant start = null, end = null;
        for (SiteVisit v : sorted) {
            if (end == null || v.enteredAt().isAfter(end)) {
                if (end != null) {
                    total = total.plus(Duration.between(start, end));
                }
                start = v.enteredAt();
                end = v.exitedAt();
            } else if (v.exitedAt().isAfter(end)) {
                end = v.exitedAt();
            }
        }
        return end == null ? total : total.plus(Duration.between(start, end));
    }
}
