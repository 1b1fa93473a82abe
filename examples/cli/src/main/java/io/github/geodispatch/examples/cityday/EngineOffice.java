package io.github.geodispatch.examples.cityday;
import io.github.geodispatch.GeoDispatch;
import io.github.geodispatch.dispatch.Candidate;
import io.github.geodispatch.dispatch.DispatchJob;
import io.github.geodispatch.dispatch.Displacement;
import io.github.geodispatch.dispatch.LiveLocation;
import io.github.geodispatch.dispatch.Recommendation;
import io.github.geodispatch.dispatch.Route;
import io.github.geodispatch.dispatch.ServiceAreas;
import io.github.geodispatch.dispatch.Shift;
import io.github.geodispatch.dispatch.Technician;
import io.github.geodispatch.dispatch.Visit;
import io.github.geodispatch.dispatch.plan.DayPlan;
import io.github.geodispatch.dispatch.plan.DayPlanProblem;
import io.github.geodispatch.dispatch.plan.DayPlanner;
import io.github.geodispatch.dispatch.plan.PlanTermination;
import io.github.geodispatch.dispatch.plan.PlannedRoute;
import io.github.geodispatch.dispatch.plan.PlannedVisit;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.Priority;
import io.github.geodispatch.spi.SkillRequirement;
import io.github.geodispatch.spi.TechnicianId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The office run by the dispatch engines: the morning plan from {@link DayPlanner} (cheapest insertion, then
 * OptaPlanner local search ended by a step count), and each job that arrives later placed by the real-time {@code dispatch.Dispatcher}'s
 * recommendation (the best-ranked technician and insertion point). Before each recommendation the board is
 * brought up to date with where every technician is and what is still queued (the job in hand as a started
 * visit). An emergency nobody can fit takes the engine's proposed displacement. Not thread-safe.
 */
final class EngineOffice implements Dispatcher {
    private static final int MAX_JOBS = 16;

    private final SimClock clock;
    private final io.github.geodispatch.dispatch.Dispatcher board;
    private final DayPlanner planner;
    private final int planSteps;
    private final Duration planGuard;
    private final List<String> log = new ArrayList<>();

    /** The office over the front door's board (which holds the day's technicians) and day planner. */
    EngineOffice(GeoDispatch gd, SimClock clock, int planSteps, Duration planGuard) {
        this.clock = clock;
        this.board = gd.dispatch();
        this.planner = gd.planner();
        this.planSteps = planSteps;
        this.planGuard = planGuard;
    }

    /** The day's technicians as the dispatch board knows them. */
    static List<Technician> technicians(CityWorld world) {
        return world.techs.stream().map(t -> new Technician(t.id(), t.branch().id(), t.skills(), List.of(),
                ServiceAreas.anywhere(), Shift.of(t.shiftStartAt(), t.shiftEndAt()), MAX_JOBS, t.branch().location(),
                t.branch().location(), null)).toList();
    }

    /**
     * When the morning plan stops: {@code steps} local-search steps per booked job, so a seed plans the same morning on
     * any machine; the optional guard caps a very slow one (a run it cuts short is no longer repeatable).
     */
    static PlanTermination termination(int steps, Duration guard) {
        PlanTermination counted = PlanTermination.afterStepsPerVisit(steps);
        return guard == null ? counted : counted.orAfter(guard);
    }

    @Override
    public String name() {
        return "dispatch.plan.DayPlanner (cheapest insertion, then OptaPlanner local search for " + planSteps
                + " steps per booked job" + (planGuard == null ? "" : ", at most " + planGuard.toSeconds() + " s")
                + ") for the morning; dispatch.Dispatcher recommendations for later jobs and the emergency";
    }

    /** What the engines said about their decisions (plan score, emergency explanation), for the report. */
    List<String> log() {
        return List.copyOf(log);
    }

    static DispatchJob job(CityWorld.JobRequest r) {
        return new DispatchJob(r.id(), r.branch().id(), r.site().location(), r.kind().name(),
                List.of(SkillRequirement.of(r.kind().skill, r.kind().level)), Set.of(), r.priority(), r.window(),
                r.slaDeadline(), Duration.ofMinutes(r.kind().minutes), null);
    }

    @Override
    public Map<TechnicianId, List<JobId>> morningPlan(List<CityWorld.JobRequest> known, List<Crew> crews, Instant at) {
        clock.advanceTo(at);
        List<DispatchJob> jobs = known.stream().map(EngineOffice::job).toList();
        DayPlan plan = planner.solve(DayPlanProblem.of(at, board.technicians(), jobs));
        log.add("Morning plan by DayPlanner: score " + plan.score() + ", " + plan.unassigned().size() + " of " + jobs.size()
                + " booked jobs left unassigned");
        Map<TechnicianId, List<JobId>> out = new LinkedHashMap<>();
        for (PlannedRoute r : plan.routes()) {
            out.put(r.technician(), r.visits().stream().map(PlannedVisit::job).toList());
        }
        return out;
    }

    @Override
    public Optional<Choice> place(CityWorld.JobRequest request, List<Crew> crews, Instant now) {
        clock.advanceTo(now);
        Map<TechnicianId, Boolean> inHand = new LinkedHashMap<>();
        for (Crew c : crews) {
            List<Visit> visits = new ArrayList<>();
            if (c.current() != null) {
                visits.add(new Visit(job(c.current()), now, true, true));
            }
            for (CityWorld.JobRequest q : c.queue()) {
                visits.add(Visit.planned(job(q), now));
            }
            inHand.put(c.tech().id(), c.current() != null);
            board.updateLiveLocation(c.tech().id(), new LiveLocation(c.position(), now));
            board.putRoute(new Route(c.tech().id(), visits, 0));
        }
        Recommendation rec = board.recommend(job(request));
        Optional<Candidate> best = rec.best();
        if (best.isPresent()) {
            Candidate c = best.get();
            int pos = Math.max(0, c.insertion().position() - (inHand.get(c.technician()) ? 1 : 0));
            String why = "ranked 1st of " + rec.ranked().size() + " feasible (" + rec.rejectedCount() + " rejected): added travel "
                    + Fmt.duration(c.score().addedTravel()) + (c.score().slaMargin() == null ? ""
                    : ", SLA margin " + Fmt.duration(c.score().slaMargin())) + ", ETA " + CitySimulation.hhmm(c.insertion().eta());
            if (request.priority() == Priority.EMERGENCY) {
                log.add("Emergency " + request.id().value() + ": " + why);
            }
            return Optional.of(new Choice(c.technician(), pos, why, List.of()));
        }
        Optional<Displacement> d = rec.displacement();
        if (d.isPresent()) {
            Displacement x = d.get();
            log.add("Emergency " + request.id().value() + ": nobody free; displacement proposed and accepted: " + x.explanation());
            int pos = Math.max(0, x.emergencyInsertion().position() - (inHand.get(x.technician()) ? 1 : 0));
            return Optional.of(new Choice(x.technician(), pos, x.explanation(),
                    List.of(new Move(x.displacedJob(), x.technician(), x.movedTo()))));
        }
        if (request.priority() == Priority.EMERGENCY) {
            log.add("Emergency " + request.id().value() + ": no technician and no displacement: " + rec.rejectedByPrimaryReason());
        }
        return Optional.empty();
    }
}
