package io.github.geodispatch.dispatch.plan.internal;
import io.github.geodispatch.dispatch.DispatchJob;
import io.github.geodispatch.dispatch.plan.PlanChange;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.TechnicianId;
import org.optaplanner.core.api.solver.change.ProblemChangeDirector;
import java.util.List;

/** Applies a {@link PlanChange} to the working solution, on the solving thread. Stateless. */
final class LiveChanges {
    private LiveChanges() {}

    static void apply(PlanChange change, DayPlanModel model, PlanSolution working, ProblemChangeDirector director) {
        if (change instanceof PlanChange.NewJob newJob) {
            newJob(newJob.job(), model, working, director);
        } else if (change instanceof PlanChange.TechnicianOff off) {
            technicianOff(off.technician(), model, working, director);
        } else if (change instanceof PlanChange.JobRunningLong late) {
            runningLong(late.job(), late.extra().getSeconds(), model, working, director);
        } else {
            throw new IllegalArgumentException("unknown change " + change);
        }
    }

    private static void newJob(DispatchJob job, DayPlanModel model, PlanSolution working, ProblemChangeDirector director) {
        if (model.knows(job.id())) {
            throw new IllegalArgumentException("job " + job.id() + " is already in the plan");
        }
        addToBucket(model.newJob(job), working, director);
    }

    /**
     * Adds a new stop as unassigned: appended to the bucket with its list shadow variables set, then
     * announced as a fact. OptaPlanner 10.1's problem-change director cannot change a list variable, and
     * a fact added outside every list is never counted as uninitialized, so the construction heuristic
     * would not see it; in the bucket it costs its priority and local search moves it out.
     */
    private static void addToBucket(PlanStop stop, PlanSolution working, ProblemChangeDirector director) {
        PlanRoute bucket = working.routes().stream().filter(PlanRoute::isBucket).findFirst().orElseThrow();
        List<PlanStop> stops = bucket.stops();
        PlanStop last = stops.isEmpty() ? null : stops.get(stops.size() - 1);
        stop.setShadows(bucket, stops.size(), last, null, null);
        stops.add(stop);
        if (last != null) {
            last.setNext(stop);
        }
        director.addProblemFact(stop, working.stops()::add);
    }

    private static void technicianOff(TechnicianId technician, DayPlanModel model, PlanSolution working,
            ProblemChangeDirector director) {
        PlanRoute route = route(technician, model, working);
        if (!route.isAvailable()) {
            throw new IllegalArgumentException("technician " + technician + " is already off");
        }
        director.changeProblemProperty(route, r -> {
            r.markUnavailable();
            r.setAppointments(List.of());
        });
        refreshStarts(route, director);
        for (PlanStop released : model.release(technician)) {
            addToBucket(released, working, director);
        }
    }

    private static void runningLong(JobId job, long extra, DayPlanModel model, PlanSolution working,
            ProblemChangeDirector director) {
        if (!model.knows(job)) {
            throw new IllegalArgumentException("unknown job " + job);
        }
        TechnicianId holder = model.fixedHolder(job);
        if (holder != null) {
            PlanRoute route = route(holder, model, working);
            if (model.isStartedOn(holder, job)) {
                director.changeProblemProperty(route, r -> r.delayStart(extra));
            } else {
                List<PlanRoute.Appointment> grown = DayPlanModel.extendAppointment(route, job, extra);
                director.changeProblemProperty(route, r -> r.setAppointments(grown));
            }
            refreshStarts(route, director);
        } else {
            PlanStop stop = working.stops().stream().filter(s -> s.id().equals(job.value())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("job " + job + " is not in the plan"));
            director.changeProblemProperty(stop, s -> s.setDuration(s.duration() + extra));
            if (stop.route() != null && !stop.route().isBucket()) {
                refreshStarts(stop.route(), director);
            }
        }
        model.extend(job, extra);
    }

    private static PlanRoute route(TechnicianId technician, DayPlanModel model, PlanSolution working) {
        if (!model.knows(technician)) {
            throw new IllegalArgumentException("technician " + technician + " is not working today");
        }
        return working.routes().stream().filter(r -> r.id().equals(technician.value())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("technician " + technician + " has no route"));
    }

    /** Recomputes every service start on the route after its facts changed, and tells the score about the route. */
    private static void refreshStarts(PlanRoute route, ProblemChangeDirector director) {
        PlanStop previous = null;
        for (PlanStop stop : route.stops()) {
            long start = route.startAfter(previous, stop);
            if (stop.serviceStart() == null || stop.serviceStart() != start) {
                director.changeVariable(stop, "serviceStart", s -> s.setServiceStart(start));
            }
            previous = stop;
        }
        director.changeProblemProperty(route, r -> { });
    }
}
