package io.github.geodispatch.benchmarks.plan;

import io.github.geodispatch.dispatch.DispatchJob;
import io.github.geodispatch.dispatch.Dispatcher;
import io.github.geodispatch.dispatch.Route;
import io.github.geodispatch.dispatch.Technician;
import io.github.geodispatch.dispatch.plan.DayPlan;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.TravelTimes;

import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks a morning plan against the live board's own rules: the plan's routes are put on a {@link Dispatcher}
 * at the planning time, and each job the plan left unassigned is recommended there. A plan that placed
 * every job some technician's skills, shift and window allow leaves none the board can place. Stateless.
 */
public final class BoardCheck {
    private BoardCheck() {}

    /** The unassigned jobs of {@code plan} for which the board still finds a technician and a slot. */
    public static List<JobId> placeableButUnassigned(List<Technician> team, DayPlan plan, Instant now, TravelTimes travel) {
        Dispatcher board = Dispatcher.builder().travelTimes(travel).clock(InstantSource.fixed(now)).build();
        board.putTechnicians(team);
        for (Route route : plan.asRoutes()) {
            board.putRoute(route);
        }
        Map<JobId, DispatchJob> jobs = plan.jobs();
        List<JobId> placeable = new ArrayList<>();
        for (JobId id : plan.unassigned()) {
            if (board.recommend(jobs.get(id)).best().isPresent()) {
                placeable.add(id);
            }
        }
        return placeable;
    }
}
