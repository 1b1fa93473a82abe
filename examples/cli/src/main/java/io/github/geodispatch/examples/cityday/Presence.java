package io.github.geodispatch.examples.cityday;

import io.github.geodispatch.geofence.Fence;
import io.github.geodispatch.geofence.FenceId;
import io.github.geodispatch.geofence.FenceIndex;
import io.github.geodispatch.geofence.FenceKind;
import io.github.geodispatch.geofence.FenceShape;
import io.github.geodispatch.geofence.GeofenceListener;
import io.github.geodispatch.geofence.Ping;
import io.github.geodispatch.geofence.PingOutcome;
import io.github.geodispatch.geofence.SiteVisit;
import io.github.geodispatch.geofence.VisitTracker;
import io.github.geodispatch.insight.AttendanceDay;
import io.github.geodispatch.spi.TechnicianId;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The phones' pings through the geofence engine: a circle fence per branch (150 m) and per job site (the
 * site's radius), one {@link VisitTracker} on a clock that reads the simulated time. After the day it gives
 * the detected visits, each technician's attendance derived from them (first branch visit = check-in, the
 * union of site visits = on-site time, the gaps between visits while on duty = travel), and how the detected visits compare
 * with the simulation's true stays. Not thread-safe (the simulation is single-threaded).
 */
final class Presence {
    static final double BRANCH_RADIUS_M = 150;

    private static final class PingClock implements InstantSource {
        private Instant now = CitySimulation.START;

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final PingClock clock = new PingClock();
    private final VisitTracker tracker;
    private final Map<PingOutcome, Integer> outcomes = new EnumMap<>(PingOutcome.class);
    private List<SiteVisit> visits = List.of();

    /** The day's fences: a circle per branch and per job site. */
    static FenceIndex fences(CityWorld world) {
        FenceIndex index = FenceIndex.builder().build();
        for (CityWorld.Branch b : world.branches) {
            index.add(new Fence(FenceId.of(b.id().value()), FenceKind.BRANCH, new FenceShape.Circle(b.location(), BRANCH_RADIUS_M)));
        }
        for (CityWorld.JobRequest j : world.jobs) {
            index.add(new Fence(FenceId.of(j.site().id().value()), FenceKind.SITE,
                    new FenceShape.Circle(j.site().location(), j.site().radiusMetres())));
        }
        return index;
    }

    /** The {@code listeners} hear every visit the tracker starts and ends. */
    Presence(FenceIndex fences, GeofenceListener... listeners) {
        VisitTracker.Builder builder = VisitTracker.builder(fences).clock(clock);
        for (GeofenceListener l : listeners) {
            builder.listener(l);
        }
        this.tracker = builder.build();
    }

    void ping(CitySimulation.Ping p) {
        if (p.at().isAfter(clock.now)) {
            clock.now = p.at();
        }
        PingOutcome outcome = tracker.accept(new Ping(p.pingId(), p.technician(), p.at(), p.point(), p.accuracyM()));
        outcomes.merge(outcome, 1, Integer::sum);
    }

    /** Ends the day: held pings are replayed and open stays closed. */
    void finish() {
        tracker.flush();
        visits = tracker.visitLog().all();
    }

    List<SiteVisit> visits() {
        return visits;
    }

    Map<PingOutcome, Integer> outcomes() {
        return Map.copyOf(outcomes);
    }

    /** Each technician's day as the geofence saw it. */
    List<AttendanceDay> attendance(CityWorld world) {
        List<AttendanceDay> out = new ArrayList<>();
        for (CityWorld.Tech t : world.techs) {
            List<SiteVisit> mine = new ArrayList<>(visits.stream().filter(v -> v.technician().equals(t.id())).toList());
            mine.sort(Comparator.comparing(SiteVisit::enteredAt));
            Instant checkIn = mine.stream().filter(v -> v.kind() == FenceKind.BRANCH).map(SiteVisit::enteredAt).findFirst().orElse(null);
            Duration onSite = Duration.ZERO;
            Duration travel = Duration.ZERO;
            Instant lastExit = null;
            Instant siteCovered = Instant.MIN;
            for (SiteVisit v : mine) {
                if (v.kind() == FenceKind.SITE && v.exitedAt().isAfter(siteCovered)) {
                    // overlapping site fences (neighbours' sites) must not count the same minutes twice
                    Instant from = v.enteredAt().isAfter(siteCovered) ? v.enteredAt() : siteCovered;
                    onSite = onSite.plus(Duration.between(from, v.exitedAt()));
                    siteCovered = v.exitedAt();
                }
                if (lastExit != null && v.enteredAt().isAfter(lastExit)) {
                    travel = travel.plus(Duration.between(lastExit, v.enteredAt()));
                }
                if (lastExit == null || v.exitedAt().isAfter(lastExit)) {
                    lastExit = v.exitedAt();
                }
            }
            out.add(new AttendanceDay(t.id(), t.branch().id(), CityWorld.DAY, t.shiftStartAt(), t.shiftEndAt(), checkIn, onSite, travel));
        }
        return out;
    }

    /** Detected visits against the true stays: same technician and place, both ends within 3 minutes. */
    record Accuracy(int truth, int detected, int matched) {
        double precision() {
            return detected == 0 ? 0 : (double) matched / detected;
        }

        double recall() {
            return truth == 0 ? 0 : (double) matched / truth;
        }
    }

    Accuracy accuracy(List<CitySimulation.Stay> stays) {
        List<CitySimulation.Stay> truth = stays.stream().filter(s -> Duration.between(s.from(), s.to()).toMinutes() >= 5).toList();
        boolean[] used = new boolean[visits.size()];
        int matched = 0;
        Duration tolerance = Duration.ofMinutes(3);
        for (CitySimulation.Stay s : truth) {
            for (int i = 0; i < visits.size(); i++) {
                SiteVisit v = visits.get(i);
                if (!used[i] && v.technician().equals(s.technician()) && v.fence().value().equals(s.place())
                        && Duration.between(s.from(), v.enteredAt()).abs().compareTo(tolerance) <= 0
                        && Duration.between(s.to(), v.exitedAt()).abs().compareTo(tolerance) <= 0) {
                    used[i] = true;
                    matched++;
                    break;
                }
            }
        }
        return new Accuracy(truth.size(), visits.size(), matched);
    }
}
