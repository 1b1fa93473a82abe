package io.github.geodispatch.dispatch.plan.internal;
import io.github.geodispatch.dispatch.DispatchJob;
import io.github.geodispatch.dispatch.plan.PlanChange;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.VisitSlot;
import org.optaplanner.core.api.solver.change.ProblemChangeDirector;
import java.util.List;

/** Applies a {@link PlanChange} to the working solution, on the solving thread. Stateless. */
final class LiveChanges {
    private LiveChanges() {}

    static void apply(PlanChange change, DayPlanModel model, PlanSolution working, ProblemChangeDirector director) {
        if (change instanceof PlanChange.NewJob newJob) {
            newJob(newJob.job(), model, working, director);
        } else if (change instanceof PlanChange.TechnicianOff off) {
            technicianOff(off, model, working, director);
        } else if (change instanceof PlanChange.JobRunningLong late) {
            runningLong(late.job(), late.extra().getSeconds(), model, working, director);
        } else if (change instanceof PlanChange.Reschedule moved) {
            reschedule(moved.job(), moved.slot(), model, working, director);
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

    private static void technicianOff(PlanChange.TechnicianOff off, DayPlanModel model, PlanSolution working,
            ProblemChangeDirector director) {
        List<String> ids = model.routesOf(off.technician(), off.day());
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("technician " + off.technician() + " is not working "
                    + (off.day() == null ? "today" : "on " + off.day()));
        }
        boolean changed = false;
        for (String id : ids) {
            PlanRoute route = route(id, working);
            if (!route.isAvailable()) {
                continue;
            }
            changed = true;
            director.changeProblemProperty(route, r -> {
                r.markUnavailable();
                r.setAppointments(List.of());
            });
            refreshStarts(route, director);
            for (PlanStop released : model.release(id)) {
                addToBucket(released, working, director);
            }
        }
        if (!changed) {
            throw new IllegalArgumentException("technician " + off.technician() + " is already off");
        }
    }

    private static void runningLong(JobId job, long extra, DayPlanModel model, PlanSolution working,
            ProblemChangeDirector director) {
        if (!model.knows(job)) {
            throw new IllegalArgumentException("unknown job " + job);
        }
        String holder = model.fixedHolder(job);
        if (holder != null) {
            PlanRoute route = route(holder, working);
            if (model.isStartedOn(holder, job)) {
                director.changeProblemProperty(route, r -> r.delayStart(extra));
            } else {
                List<PlanRoute.Appointment> grown = DayPlanModel.extendAppointment(route, job, extra);
                director.changeProblemProperty(route, r -> r.setAppointments(grown));
            }
            refreshStarts(route, director);
        } else {
            PlanStop stop = stop(job, working);
            director.changeProblemProperty(stop, s -> s.setDuration(s.duration() + extra));
            if (stop.route() != null && !stop.route().isBucket()) {
                refreshStarts(stop.route(), director);
            }
        }
        model.extend(job, extra);
    }

    /**
     * The job's work must now start within the slot's window, by the slot's technician. A pinned visit leaves its
     * route's appointments and is planned again as a stop; a stop keeps its place until local search moves it
     * (its old place now breaks the window, so the score drives it out).
     */
    private static void reschedule(JobId job, VisitSlot slot, DayPlanModel model, PlanSolution working,
            ProblemChangeDirector director) {
        if (!model.knows(job)) {
            throw new IllegalArgumentException("unknown job " + job);
        }
        if (!model.knows(slot.technician())) {
            throw new IllegalArgumentException("technician " + slot.technician() + " is not working in this plan");
        }
        long ready = slot.window().from().getEpochSecond();
        long due = slot.window().to().getEpochSecond();
        String holder = model.fixedHolder(job);
        if (holder != null && model.isStartedOn(holder, job)) {
            throw new IllegalArgumentException("work on job " + job + " has started; it cannot be rescheduled");
        }
        model.rewindow(job, slot.window());
        if (holder != null) {
            PlanRoute route = route(holder, working);
            List<PlanRoute.Appointment> rest = DayPlanModel.withoutAppointment(route, job);
            director.changeProblemProperty(route, r -> r.setAppointments(rest));
            refreshStarts(route, director);
            PlanStop released = model.releasePinned(holder, job);
            released.reschedule(ready, due, slot.technician().value());
            addToBucket(released, working, director);
            return;
        }
        PlanStop stop = stop(job, working);
        director.changeProblemProperty(stop, s -> s.reschedule(ready, due, slot.technician().value()));
        if (stop.route() != null && !stop.route().isBucket()) {
            refreshStarts(stop.route(), director);
        }
    }

    private static PlanStop stop(JobId job, PlanSolution working) {
        return working.stops().stream().filter(s -> s.id().equals(job.value())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("job " + job + " is not in the plan"));
    }

    private static PlanRoute route(String id, PlanSolution working) {
        return working.routes().stream().filter(r -> r.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("route " + id + " is not in the plan"));
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
