package io.github.geodispatch.examples.cityday;

import io.github.geodispatch.spi.GeoPoint;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.Priority;
import io.github.geodispatch.spi.TechnicianId;
import io.github.geodispatch.spi.TravelTimes;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The office's rule of thumb, standing in until the dispatch engines are wired into the city-day: jobs in order of
 * priority and window, each appended to the queue of the same-branch technician with the skill who can
 * reach it earliest (late if nobody can make the window, never past the end of the shift); an emergency
 * goes next in the queue of the skilled technician who can reach it first.
 * It is a baseline to compare the engines with, not an optimiser. Not thread-safe.
 */
final class GreedyDispatcher implements Dispatcher {
    private final TravelTimes travel;

    GreedyDispatcher(TravelTimes travel) {
        this.travel = travel;
    }

    @Override
    public String name() {
        return "baseline greedy rule (the dispatch and dispatch.plan engines are not wired into the city-day yet)";
    }

    /** A technician's running end of queue while the plan is built. */
    private static final class Tail {
        final Crew crew;
        GeoPoint at;
        Instant free;
        final List<JobId> queue = new ArrayList<>();

        Tail(Crew crew) {
            this.crew = crew;
            this.at = crew.position();
            this.free = crew.freeAt();
        }
    }

    @Override
    public Map<TechnicianId, List<JobId>> morningPlan(List<CityWorld.JobRequest> known, List<Crew> crews, Instant at) {
        List<Tail> tails = new ArrayList<>();
        for (Crew c : crews) {
            Tail t = new Tail(c);
            for (CityWorld.JobRequest q : c.queue()) {
                t.free = arrive(t, q).plus(work(q));
                t.at = q.site().location();
            }
            tails.add(t);
        }
        List<CityWorld.JobRequest> order = new ArrayList<>(known);
        order.sort(Comparator.comparing((CityWorld.JobRequest j) -> j.priority().ordinal())
                .thenComparing(j -> j.window().from()).thenComparing(j -> j.id().value()));
        for (CityWorld.JobRequest job : order) {
            Tail best = null;
            Instant bestArrival = null;
            for (Tail t : tails) {
                if (!fits(t.crew, job)) {
                    continue;
                }
                Instant arrival = arrive(t, job);
                if (arrival.plus(work(job)).isAfter(t.crew.tech().shiftEndAt())) {
                    continue;
                }
                if (bestArrival == null || arrival.isBefore(bestArrival)) {
                    best = t;
                    bestArrival = arrival;
                }
            }
            if (best != null) {
                best.queue.add(job.id());
                best.free = bestArrival.plus(work(job));
                best.at = job.site().location();
            }
        }
        Map<TechnicianId, List<JobId>> plan = new LinkedHashMap<>();
        for (Tail t : tails) {
            plan.put(t.crew.tech().id(), List.copyOf(t.queue));
        }
        return plan;
    }

    @Override
    public Optional<Choice> place(CityWorld.JobRequest job, List<Crew> crews, Instant now) {
        boolean emergency = job.priority() == Priority.EMERGENCY;
        Choice best = null;
        Instant bestArrival = null;
        for (Crew c : crews) {
            if (!c.onShift() || !fits(c, job)) {
                continue;
            }
            Tail t = new Tail(c);
            if (!emergency) {
                for (CityWorld.JobRequest q : c.queue()) {
                    t.free = arrive(t, q).plus(work(q));
                    t.at = q.site().location();
                }
            }
            Instant arrival = arrive(t, job);
            if (!emergency && arrival.plus(work(job)).isAfter(c.tech().shiftEndAt())) {
                continue;
            }
            if (bestArrival == null || arrival.isBefore(bestArrival)) {
                bestArrival = arrival;
                best = new Choice(c.tech().id(), emergency ? 0 : c.queue().size(), emergency
                        ? "emergency: earliest skilled arrival, goes next; queued work moves back"
                        : "earliest arrival among same-branch technicians with the skill", List.of());
            }
        }
        return Optional.ofNullable(best);
    }

    private boolean fits(Crew c, CityWorld.JobRequest job) {
        return c.tech().canDo(job.kind())
                && (job.priority() == Priority.EMERGENCY || c.tech().branch().id().equals(job.branch().id()));
    }

    private Instant arrive(Tail t, CityWorld.JobRequest job) {
        Instant reach = t.free.plus(travel.between(t.at, job.site().location()).duration());
        return reach.isBefore(job.window().from()) ? job.window().from() : reach;
    }

    private static Duration work(CityWorld.JobRequest job) {
        return Duration.ofMinutes(job.kind().minutes);
    }
}
