package io.github.geodispatch.dispatch.plan.internal;
import io.github.geodispatch.dispatch.Certification;
import io.github.geodispatch.dispatch.DispatchJob;
import io.github.geodispatch.dispatch.Route;
import io.github.geodispatch.dispatch.ServiceAreaFences;
import io.github.geodispatch.dispatch.ServiceAreas;
import io.github.geodispatch.dispatch.Shift;
import io.github.geodispatch.dispatch.Technician;
import io.github.geodispatch.dispatch.Visit;
import io.github.geodispatch.dispatch.plan.DayPlan;
import io.github.geodispatch.dispatch.plan.DayPlanProblem;
import io.github.geodispatch.dispatch.plan.PlannedRoute;
import io.github.geodispatch.dispatch.plan.PlannedVisit;
import io.github.geodispatch.spi.GeoPoint;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.SkillRequirement;
import io.github.geodispatch.spi.TechnicianId;
import io.github.geodispatch.spi.TravelTimes;
import com.uber.h3core.H3Core;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Maps the public dispatch records to the planning model and back. Ticks are epoch seconds. Rules that
 * are plain membership tests become "skills" of the model: a job needs {@code cert:CODE} for each
 * certification (held by technicians whose certification is valid through the shift) and
 * {@code branch:ID} for its branch. Service areas become keys {@code h3:CELL} and {@code fence:ID}.
 * Built on the caller's thread, then confined to the solving thread.
 */
final class DayPlanModel {
    private static final long NO_EARLIER = 0;
    private static final long NO_LATER = Long.MAX_VALUE / 4;

    private final TravelTimes travel;
    private final ServiceAreaFences fences;
    private final Set<Integer> resolutions = new TreeSet<>();
    private final List<GeoPoint> points = new ArrayList<>();
    private final Map<JobId, DispatchJob> jobs = new HashMap<>();
    private final Map<JobId, Boolean> started = new HashMap<>();
    /** Started visits leading each route, fixed. */
    private final Map<TechnicianId, List<Visit>> prefixes = new HashMap<>();
    /** Pinned visits not started, fixed. */
    private final Map<TechnicianId, List<Visit>> pinned = new HashMap<>();
    private final Map<String, Technician> technicians = new LinkedHashMap<>();
    private final Map<JobId, Integer> locationOf = new HashMap<>();
    private final TravelMatrix matrix;
    private final PlanSolution solution;

    DayPlanModel(DayPlanProblem problem, TravelTimes travel, ServiceAreaFences fences, Duration overtimeAllowance,
            PlanWeights weights) {
        this.travel = travel;
        this.fences = fences;
        long now = problem.now().getEpochSecond();
        Map<TechnicianId, Route> routeOf = new HashMap<>();
        problem.routes().forEach(r -> routeOf.put(r.technician(), r));
        for (Technician t : problem.technicians()) {
            if (!t.serviceAreas().h3Cells().isEmpty()) {
                resolutions.add(t.serviceAreas().h3Resolution());
            }
        }

        List<DispatchJob> toPlan = new ArrayList<>(problem.jobs());
        Map<TechnicianId, List<DispatchJob>> keep = new HashMap<>();
        for (Technician t : problem.technicians()) {
            Route route = routeOf.getOrDefault(t.id(), Route.empty(t.id()));
            List<Visit> prefix = new ArrayList<>();
            List<Visit> fixed = new ArrayList<>();
            List<DispatchJob> movable = new ArrayList<>();
            for (Visit v : route.visits()) {
                jobs.put(v.job().id(), v.job());
                started.put(v.job().id(), t.shift() != null && v.started());
                if (t.shift() == null) {
                    toPlan.add(v.job()); // off today: everything of theirs is re-planned
                } else if (v.started()) {
                    prefix.add(v);
                } else if (v.pinned()) {
                    fixed.add(v);
                } else {
                    movable.add(v.job());
                }
            }
            if (t.shift() != null) {
                technicians.put(t.id().value(), t);
                prefixes.put(t.id(), prefix);
                pinned.put(t.id(), fixed);
                keep.put(t.id(), movable);
            }
        }
        problem.jobs().forEach(j -> {
            jobs.put(j.id(), j);
            started.put(j.id(), false);
        });

        // locations: technicians' start and end points, then every job
        Map<TechnicianId, int[]> ends = new HashMap<>();
        for (Technician t : technicians.values()) {
            GeoPoint origin = origin(t, routeOf.get(t.id()));
            ends.put(t.id(), new int[] {addPoint(origin), addPoint(t.endLocation())});
        }
        for (DispatchJob job : jobs.values()) {
            locationOf.put(job.id(), addPoint(job.location()));
        }
        matrix = new TravelMatrix(travel.secondsMatrix(points, points));

        List<PlanRoute> routes = new ArrayList<>();
        List<PlanStop> stops = new ArrayList<>();
        for (Technician t : technicians.values()) {
            Shift shift = t.shift();
            List<Visit> prefix = prefixes.get(t.id());
            List<Visit> fixed = pinned.get(t.id());
            long free = Math.max(shift.start().getEpochSecond(), now);
            if (!prefix.isEmpty()) {
                Visit last = prefix.get(prefix.size() - 1);
                free = Math.max(free, last.eta().plus(last.job().duration()).getEpochSecond());
            }
            Route current = routeOf.get(t.id());
            int done = current == null ? 0 : current.completedToday();
            int maxStops = Math.max(0, t.maxJobsPerDay() - done - prefix.size() - fixed.size());
            long lunchFrom = shift.lunch() == null ? 0 : shift.lunch().from().getEpochSecond();
            long lunchTo = shift.lunch() == null ? 0 : shift.lunch().to().getEpochSecond();
            long end = shift.end().getEpochSecond();
            int[] at = ends.get(t.id());
            PlanRoute route = new PlanRoute(t.id().value(), at[0], at[1], free, end,
                    end + overtimeAllowance.getSeconds(), lunchFrom, lunchTo, Long.MAX_VALUE, maxStops,
                    skillsOf(t), areasOf(t.serviceAreas()), matrix);
            List<PlanRoute.Appointment> appointments = new ArrayList<>();
            for (Visit v : fixed) {
                appointments.add(new PlanRoute.Appointment(v.job().id().value(), locationOf.get(v.job().id()),
                        v.eta().getEpochSecond(), v.job().duration().getSeconds()));
            }
            route.setAppointments(appointments);
            List<PlanStop> kept = new ArrayList<>();
            for (DispatchJob job : keep.get(t.id())) {
                PlanStop stop = stop(job, locationOf.get(job.id()));
                stops.add(stop);
                kept.add(stop);
            }
            route.setStops(kept);
            routes.add(route);
        }
        PlanRoute bucket = PlanRoute.bucket(matrix);
        routes.add(bucket);
        for (DispatchJob job : toPlan) {
            stops.add(stop(job, locationOf.get(job.id())));
        }
        for (PlanRoute route : routes) {
            initShadows(route);
        }
        solution = new PlanSolution(weights, routes, stops);
    }

    PlanSolution solution() {
        return solution;
    }

    boolean knows(JobId job) {
        return jobs.containsKey(job);
    }

    boolean knows(TechnicianId technician) {
        return technicians.containsKey(technician.value());
    }

    /** A job that arrived while solving: registers it and its location; returns its stop. */
    PlanStop newJob(DispatchJob job) {
        jobs.put(job.id(), job);
        started.put(job.id(), false);
        int n = points.size();
        long[] to = new long[n];
        long[] from = new long[n];
        for (int i = 0; i < n; i++) {
            to[i] = travel.seconds(points.get(i), job.location());
            from[i] = travel.seconds(job.location(), points.get(i));
        }
        points.add(job.location());
        int location = matrix.append(to, from);
        locationOf.put(job.id(), location);
        return stop(job, location);
    }

    /** The technician is off: their fixed visits become jobs to plan again. */
    List<PlanStop> release(TechnicianId technician) {
        List<PlanStop> released = new ArrayList<>();
        List<Visit> fixed = new ArrayList<>(prefixes.getOrDefault(technician, List.of()));
        fixed.addAll(pinned.getOrDefault(technician, List.of()));
        for (Visit v : fixed) {
            started.put(v.job().id(), false);
            released.add(stop(v.job(), locationOf.get(v.job().id())));
        }
        prefixes.put(technician, List.of());
        pinned.put(technician, List.of());
        return released;
    }

    /** The route's appointments with one of them {@code extra} ticks longer. */
    static List<PlanRoute.Appointment> extendAppointment(PlanRoute route, JobId job, long extra) {
        List<PlanRoute.Appointment> grown = new ArrayList<>();
        for (PlanRoute.Appointment a : route.appointments()) {
            grown.add(a.id().equals(job.value()) ? new PlanRoute.Appointment(a.id(), a.location(), a.start(), a.duration() + extra) : a);
        }
        return grown;
    }

    /** Records that a job takes {@code extra} seconds longer (so the plan shows when it really ends). */
    void extend(JobId id, long extra) {
        DispatchJob j = jobs.get(id);
        DispatchJob longer = new DispatchJob(j.id(), j.branch(), j.location(), j.jobType(), j.requiredSkills(),
                j.requiredCertifications(), j.priority(), j.window(), j.slaDeadline(), j.duration().plusSeconds(extra),
                j.preferredTechnician());
        jobs.put(id, longer);
        prefixes.replaceAll((t, visits) -> visits.stream()
                .map(v -> v.job().id().equals(id) ? new Visit(longer, v.eta(), v.pinned(), v.started()) : v).toList());
        pinned.replaceAll((t, visits) -> visits.stream()
                .map(v -> v.job().id().equals(id) ? new Visit(longer, v.eta(), v.pinned(), v.started()) : v).toList());
    }

    /** Whether the job is a started visit of the technician's route. */
    boolean isStartedOn(TechnicianId technician, JobId job) {
        return prefixes.getOrDefault(technician, List.of()).stream().anyMatch(v -> v.job().id().equals(job));
    }

    /** The technician holding the job as a started or pinned visit, if any. */
    TechnicianId fixedHolder(JobId job) {
        for (Map.Entry<TechnicianId, List<Visit>> e : prefixes.entrySet()) {
            if (e.getValue().stream().anyMatch(v -> v.job().id().equals(job))) {
                return e.getKey();
            }
        }
        for (Map.Entry<TechnicianId, List<Visit>> e : pinned.entrySet()) {
            if (e.getValue().stream().anyMatch(v -> v.job().id().equals(job))) {
                return e.getKey();
            }
        }
        return null;
    }

    private GeoPoint origin(Technician t, Route route) {
        if (route != null) {
            Visit lastStarted = null;
            for (Visit v : route.visits()) {
                if (v.started()) {
                    lastStarted = v;
                }
            }
            if (lastStarted != null) {
                return lastStarted.job().location();
            }
        }
        return t.liveLocation() != null ? t.liveLocation().point() : t.startLocation();
    }

    private int addPoint(GeoPoint point) {
        points.add(point);
        return points.size() - 1;
    }

    private PlanStop stop(DispatchJob job, int location) {
        long duration = job.duration().getSeconds();
        long ready = job.window() == null ? NO_EARLIER : job.window().from().getEpochSecond();
        long due = job.window() == null ? NO_LATER : job.window().to().getEpochSecond();
        if (job.slaDeadline() != null) {
            due = Math.min(due, job.slaDeadline().getEpochSecond() - duration);
        }
        due = Math.max(due, ready); // an SLA that cannot be met still leaves a window: lateness is then scored
        Map<String, Integer> needs = new HashMap<>();
        for (SkillRequirement r : job.requiredSkills()) {
            needs.put(r.skill(), r.minLevel());
        }
        for (String cert : job.requiredCertifications()) {
            needs.put("cert:" + cert, 1);
        }
        needs.put("branch:" + job.branch().value(), 1);
        String preferred = job.preferredTechnician() == null ? null : job.preferredTechnician().value();
        return new PlanStop(job.id().value(), location, 0, ready, due, duration, needs, job.priority().weight(),
                areaKeys(job.location()), preferred, matrix);
    }

    private static Map<String, Integer> skillsOf(Technician t) {
        Map<String, Integer> skills = new HashMap<>(t.skills());
        Instant through = t.shift().end();
        for (Certification c : t.certifications()) {
            if (c.validAt(through)) {
                skills.put("cert:" + c.code(), 1);
            }
        }
        skills.put("branch:" + t.branch().value(), 1);
        return skills;
    }

    private static Set<String> areasOf(ServiceAreas areas) {
        Set<String> keys = new HashSet<>();
        for (long cell : areas.h3Cells()) {
            keys.add("h3:" + Long.toHexString(cell));
        }
        for (String fence : areas.fenceIds()) {
            keys.add("fence:" + fence);
        }
        return keys;
    }

    private Set<String> areaKeys(GeoPoint point) {
        Set<String> keys = new HashSet<>();
        for (int resolution : resolutions) {
            keys.add("h3:" + Long.toHexString(H3.INSTANCE.latLngToCell(point.lat(), point.lng(), resolution)));
        }
        for (String fence : fences.fencesAt(point)) {
            keys.add("fence:" + fence);
        }
        return keys;
    }

    /** Sets route, neighbours and service starts of a route's stops as the solver's listeners would. */
    static void initShadows(PlanRoute route) {
        List<PlanStop> stops = route.stops();
        for (int i = 0; i < stops.size(); i++) {
            PlanStop previous = i == 0 ? null : stops.get(i - 1);
            PlanStop stop = stops.get(i);
            Long start = route.isBucket() ? null : route.startAfter(previous, stop);
            stop.setShadows(route, i, previous, i + 1 < stops.size() ? stops.get(i + 1) : null, start);
        }
    }

    /** The plan a solution stands for, with the fixed visits put back in place. */
    DayPlan toPlan(PlanSolution planned) {
        List<PlannedRoute> routes = new ArrayList<>();
        List<PlanStop> unassigned = new ArrayList<>();
        for (PlanRoute route : planned.routes()) {
            if (route.isBucket()) {
                unassigned.addAll(route.stops());
                continue;
            }
            TechnicianId id = TechnicianId.of(route.id());
            if (!route.isAvailable() && route.stops().isEmpty()) {
                continue;
            }
            List<PlannedVisit> visits = new ArrayList<>();
            for (Visit v : prefixes.get(id)) {
                visits.add(new PlannedVisit(v.job().id(), v.eta(), v.eta().plus(v.job().duration()), true));
            }
            List<PlannedVisit> rest = new ArrayList<>();
            for (Visit v : pinned.get(id)) {
                rest.add(new PlannedVisit(v.job().id(), v.eta(), v.eta().plus(v.job().duration()), true));
            }
            for (PlanStop stop : route.stops()) {
                if (stop.serviceStart() == null) {
                    unassigned.add(stop);
                    continue;
                }
                Instant eta = Instant.ofEpochSecond(stop.serviceStart());
                rest.add(new PlannedVisit(JobId.of(stop.id()), eta, eta.plusSeconds(stop.duration()), false));
            }
            rest.sort(Comparator.comparing(PlannedVisit::eta));
            visits.addAll(rest);
            routes.add(new PlannedRoute(id, visits, Duration.ofSeconds(route.totalTravel()),
                    Instant.ofEpochSecond(route.returnTime())));
        }
        // stops the construction heuristic has not placed yet are unassigned too
        Set<String> placed = new HashSet<>();
        for (PlanRoute route : planned.routes()) {
            route.stops().forEach(s -> placed.add(s.id()));
        }
        for (PlanStop stop : planned.stops()) {
            if (!placed.contains(stop.id())) {
                unassigned.add(stop);
            }
        }
        unassigned.sort(Comparator.comparingInt(PlanStop::priorityWeight).reversed().thenComparing(PlanStop::id));
        List<JobId> unassignedIds = unassigned.stream().map(s -> JobId.of(s.id())).distinct().toList();
        return new DayPlan(SolverSetup.score(planned.score()), routes, unassignedIds, jobs, started);
    }

    /** The process-wide H3 binding. H3Core is thread-safe. */
    private static final class H3 {
        static final H3Core INSTANCE;

        static {
            try {
                INSTANCE = H3Core.newInstance();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot load the H3 native library", e);
            }
        }
    }
}
