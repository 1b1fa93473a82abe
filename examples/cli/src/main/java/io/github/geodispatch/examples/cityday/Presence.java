package io.github.geodispatch.examples.cityday;
import io.github.geodispatch.GeoDispatch;
import io.github.geodispatch.geofence.Fence;
import io.github.geodispatch.geofence.FenceId;
import io.github.geodispatch.geofence.FenceKind;
import io.github.geodispatch.geofence.FenceShape;
import io.github.geodispatch.geofence.Ping;
import io.github.geodispatch.geofence.PingOutcome;
import io.github.geodispatch.geofence.SiteVisit;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The phones' pings through the front door's visits: a circle fence per branch (150 m) beside the SITE fence the
 * job record adds for each job. After the day it gives the detected visits, each
 * technician's attendance (the front door's, fed to the owner's view as well) and how the detected visits
 * compare with the simulation's true stays. Not thread-safe (the simulation is single-threaded).
 */
final class Presence {
    static final double BRANCH_RADIUS_M = 150;

    private final GeoDispatch.Visits visits;
    private final Map<PingOutcome, Integer> outcomes = new EnumMap<>(PingOutcome.class);
    private List<SiteVisit> detected = List.of();

    Presence(CityWorld world, GeoDispatch.Visits visits) {
        this.visits = visits;
        for (CityWorld.Branch b : world.branches) {
            visits.fences().add(new Fence(FenceId.of(b.id().value()), FenceKind.BRANCH, new FenceShape.Circle(b.location(), BRANCH_RADIUS_M)));
        }
    }

    /**
     * A phone's ping. Pings do not move the clock (the simulation's ticks do): a phone stamps them a few seconds
     * into the tick, and the engines' clock-skew check allows for that.
     */
    void ping(CitySimulation.Ping p) {
        PingOutcome outcome = visits.accept(new Ping(p.pingId(), p.technician(), p.at(), p.point(), p.accuracyM()));
        outcomes.merge(outcome, 1, Integer::sum);
    }

    /** Ends the day: held pings are replayed and open stays closed; attendance reaches the owner's view. */
    void finish(java.time.LocalDate day) {
        visits.flush();
        detected = visits.log().all();
        visits.attendance(day);
    }

    List<SiteVisit> visits() {
        return detected;
    }

    Map<PingOutcome, Integer> outcomes() {
        return Map.copyOf(outcomes);
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
        boolean[] used = new boolean[detected.size()];
        int matched = 0;
        Duration tolerance = Duration.ofMinutes(3);
        for (CitySimulation.Stay s : truth) {
            for (int i = 0; i < detected.size(); i++) {
                SiteVisit v = detected.get(i);
                if (!used[i] && v.technician().equals(s.technician()) && v.fence().value().equals(s.place())
                        && Duration.between(s.from(), v.enteredAt()).abs().compareTo(tolerance) <= 0
                        && Duration.between(s.to(), v.exitedAt()).abs().compareTo(tolerance) <= 0) {
                    used[i] = true;
                    matched++;
                    break;
                }
            }
        }
        return new Accuracy(truth.size(), detected.size(), matched);
    }
}
