package io.github.geodispatch.dispatch;

import io.github.geodispatch.spi.GeoPoint;
import io.github.geodispatch.spi.SkillRequirement;
import io.github.geodispatch.spi.TimeWindow;
import io.github.geodispatch.spi.TravelTimes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The hard rules written out plainly on the public records, independent of the engine's compiled
 * structures: re-times whole routes from scratch through the TravelTimes port and tries every position.
 */
final class BruteForceOracle {
    private final TravelTimes travel;
    private final ServiceAreaFences fences;

    BruteForceOracle(TravelTimes travel, ServiceAreaFences fences) {
        this.travel = travel;
        this.fences = fences;
    }

    /** Times of a route: start of work per visit (started ones: their eta), and the return to the end location. */
    record Timing(long[] start, long back) {}

    Set<RejectionReason> profileReasons(Technician t, DispatchJob job, Instant now) {
        EnumSet<RejectionReason> r = EnumSet.noneOf(RejectionReason.class);
        if (!t.branch().equals(job.branch())) {
            r.add(RejectionReason.BRANCH_MISMATCH);
        }
        ServiceAreas a = t.serviceAreas();
        boolean inside = a.unrestricted()
                || (!a.h3Cells().isEmpty() && a.h3Cells().contains(
                Scenarios.H3.latLngToCell(job.location().lat(), job.location().lng(), a.h3Resolution())))
                || a.fenceIds().stream().anyMatch(f -> fences.fencesAt(job.location()).contains(f));
        if (!inside) {
            r.add(RejectionReason.OUTSIDE_SERVICE_AREA);
        }
        for (SkillRequirement s : job.requiredSkills()) {
            if (t.levelIn(s.skill()) < s.minLevel()) {
                r.add(RejectionReason.SKILL_MISSING);
            }
        }
        Instant earliest = job.window() != null && job.window().from().isAfter(now) ? job.window().from() : now;
        for (String c : job.requiredCertifications()) {
            boolean ok = t.certifications().stream().anyMatch(x -> x.code().equals(c) && earliest.isBefore(x.expiresAt()));
            if (!ok) {
                r.add(RejectionReason.CERTIFICATION_EXPIRED);
            }
        }
        if (t.shift() == null) {
            r.add(RejectionReason.OFF_SHIFT);
        } else {
            Instant from = earliest.isAfter(t.shift().start()) ? earliest : t.shift().start();
            Instant latest = t.shift().end().minus(job.duration());
            if (job.window() != null && job.window().to().isBefore(latest)) {
                latest = job.window().to();
            }
            if (from.isAfter(latest)) {
                r.add(RejectionReason.OFF_SHIFT);
            }
        }
        return r;
    }

    Timing time(Technician t, LiveLocation live, List<Visit> visits, Instant now) {
        long nowS = now.getEpochSecond();
        long[] start = new long[visits.size()];
        GeoPoint at;
        long depart;
        int i = 0;
        if (!visits.isEmpty() && visits.get(0).started()) {
            while (i < visits.size() && visits.get(i).started()) {
                start[i] = visits.get(i).eta().getEpochSecond();
                i++;
            }
            Visit last = visits.get(i - 1);
            at = last.job().location();
            depart = Math.max(nowS, last.eta().getEpochSecond() + last.job().duration().getSeconds());
        } else {
            at = live != null ? live.point() : t.startLocation();
            depart = Math.max(nowS, t.shift().start().getEpochSecond());
        }
        TimeWindow lunch = t.shift().lunch();
        for (; i < visits.size(); i++) {
            DispatchJob job = visits.get(i).job();
            long arrival = drive(depart, travel.seconds(at, job.location()), lunch);
            long ready = job.window() == null ? arrival : Math.max(arrival, job.window().from().getEpochSecond());
            long dur = job.duration().getSeconds();
            if (lunch != null && ready < lunch.to().getEpochSecond() && ready + dur > lunch.from().getEpochSecond()) {
                ready = lunch.to().getEpochSecond();
            }
            start[i] = ready;
            depart = ready + dur;
            at = job.location();
        }
        return new Timing(start, drive(depart, travel.seconds(at, t.endLocation()), lunch));
    }

    private static long drive(long depart, long seconds, TimeWindow lunch) {
        if (lunch == null) {
            return depart + seconds;
        }
        long lf = lunch.from().getEpochSecond();
        long lt = lunch.to().getEpochSecond();
        if (depart >= lf && depart < lt) {
            return lt + seconds;
        }
        if (depart < lf && depart + seconds > lf) {
            return depart + seconds + (lt - lf);
        }
        return depart + seconds;
    }

    /** Null when inserting {@code job} at {@code at} breaks a hard rule, else the new job's start. */
    Long startIfFeasible(Technician t, Route route, LiveLocation live, DispatchJob job, int at, Instant now) {
        List<Visit> old = route.visits();
        if (at < 0 || at > old.size() || (at < old.size() && old.get(at).started())) {
            return null;
        }
        List<Visit> with = new ArrayList<>(old);
        with.add(at, Visit.planned(job, now));
        Timing before = time(t, live, old, now);
        Timing after = time(t, live, with, now);
        long s = after.start()[at];
        if (job.window() != null && s > job.window().to().getEpochSecond()) {
            return null;
        }
        for (int i = 0; i < old.size(); i++) {
            Visit v = old.get(i);
            if (v.started()) {
                continue;
            }
            long was = before.start()[i];
            long now2 = after.start()[i < at ? i : i + 1];
            long limit = v.pinned() ? was : Math.max(was, v.job().window() == null ? Long.MAX_VALUE
                    : v.job().window().to().getEpochSecond());
            if (now2 > limit) {
                return null;
            }
        }
        if (after.back() > Math.max(before.back(), t.shift().end().getEpochSecond())) {
            return null;
        }
        return s;
    }

    /** Every hard rule: the technician may take the job somewhere in their route. */
    boolean feasible(Technician t, Route route, LiveLocation live, DispatchJob job, Instant now) {
        if (!profileReasons(t, job, now).isEmpty()) {
            return false;
        }
        if (route.completedToday() + route.visits().size() >= t.maxJobsPerDay()) {
            return false;
        }
        for (int at = 0; at <= route.visits().size(); at++) {
            if (startIfFeasible(t, route, live, job, at, now) != null) {
                return true;
            }
        }
        return false;
    }
}
