package io.github.geodispatch.geofence;

import io.github.geodispatch.spi.TechnicianId;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One technician's day: branch check-in (first branch entry) and check-out (last branch exit), time on
 * customer sites, at the branch, and travelling (between the day's first and last visit, inside no
 * visit). Overlapping visits are counted once. {@code suspectVisits} counts the day's visits built from suspect
 * pings and {@code signals} names what their pings raised; under {@link SuspectVisitPolicy#REFUSE} they add
 * nothing else to the day (no check-in, no time, not in {@code siteVisits}). Immutable and thread-safe.
 */
public record DailyAttendance(TechnicianId technician, LocalDate date, Optional<Instant> checkIn,
                              Optional<Instant> checkOut, Duration onSites, Duration atBranch, Duration travelling,
                              int siteVisits, int suspectVisits, Set<SpoofSignal> signals) {
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
        if (siteVisits < 0 || suspectVisits < 0) {
            throw new IllegalArgumentException("visit counts must be >= 0, were " + siteVisits + " and " + suspectVisits);
        }
        signals = signals == null || signals.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(signals));
    }

    /**
     * Summarises visits per technician and local date (of entry) in {@code zone}, suspect visits
     * {@linkplain SuspectVisitPolicy#FLAG flagged}; service-area visits are ignored. Sorted by technician, then date.
     */
    public static List<DailyAttendance> summarize(Collection<SiteVisit> visits, ZoneId zone) {
        return summarize(visits, zone, SuspectVisitPolicy.FLAG);
    }

    /** As {@link #summarize(Collection, ZoneId)}, with suspect visits counted as {@code policy} says. */
    public static List<DailyAttendance> summarize(Collection<SiteVisit> visits, ZoneId zone, SuspectVisitPolicy policy) {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(policy, "suspect visit policy");
        Map<TechnicianId, Map<LocalDate, List<SiteVisit>>> grouped = new TreeMap<>();
        for (SiteVisit v : visits) {
            if (v.kind() != FenceKind.SERVICE_AREA) {
                grouped.computeIfAbsent(v.technician(), t -> new TreeMap<>())
                        .computeIfAbsent(v.enteredAt().atZone(zone).toLocalDate(), d -> new ArrayList<>()).add(v);
            }
        }
        List<DailyAttendance> out = new ArrayList<>();
        grouped.forEach((technician, days) -> days.forEach((date, dayVisits) ->
                out.add(day(technician, date, dayVisits, policy))));
        return out;
    }

    private static DailyAttendance day(TechnicianId technician, LocalDate date, List<SiteVisit> all,
                                       SuspectVisitPolicy policy) {
        Set<SpoofSignal> signals = EnumSet.noneOf(SpoofSignal.class);
        int suspect = 0;
        for (SiteVisit v : all) {
            signals.addAll(v.signals());
            suspect += v.suspect() ? 1 : 0;
        }
        List<SiteVisit> visits = policy == SuspectVisitPolicy.REFUSE
                ? all.stream().filter(v -> !v.suspect()).collect(Collectors.toCollection(ArrayList::new)) : all;
        if (visits.isEmpty()) {
            return new DailyAttendance(technician, date, Optional.empty(), Optional.empty(), Duration.ZERO, Duration.ZERO,
                    Duration.ZERO, 0, suspect, signals);
        }
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
                union(sites), union(branches), Duration.between(first, last).minus(inVisits), sites.size(), suspect, signals);
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
