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
import io.github.geodispatch.dispatch.plan.PartPreference;
import io.github.geodispatch.dispatch.plan.PlanDay;
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
import java.time.LocalDate;
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
 * Maps the public dispatch records to the planning model and back. Ticks are epoch seconds. Each working
 * technician has one route per day (named by the technician in a one-day plan, {@code technician@date} in a
 * plan of several days). Rules that are plain membership tests become "skills" of the model: a job needs
 * {@code cert:CODE} for each certification (held by technicians whose certification is valid through that
 * day's shift) and {@code branch:ID} for its branch; a rescheduled job names the only technician who may do
 * it. Service areas become keys {@code h3:CELL} and {@code fence:ID}.
 * Built on the caller's thread, then confined to the solving thread (reads from other threads hold its
 * monitor, as {@link SolverSession} does).
 */
final class DayPlanModel {
    private static final long NO_EARLIER = 0;
    private static final long NO_LATER = Long.MAX_VALUE / 4;

    /** Whose route it is and on which day ({@code null} in a one-day plan). */
    record RouteKey(TechnicianId technician, LocalDate day) {}

    private final TravelTimes travel;
    private final ServiceAreaFences fences;
    private final boolean oneDay;
    private final Set<Integer> resolutions = new TreeSet<>();
    private final List<GeoPoint> points = new ArrayList<>();
    private final Map<JobId, DispatchJob> jobs = new HashMap<>();
    private final Map<JobId, Boolean> started = new HashMap<>();
    /** By route id: whose route, on which day, in the order routes are built (days first). */
    private final Map<String, RouteKey> keys = new LinkedHashMap<>();
    /** Started visits leading each route, fixed, by route id. */
    private final Map<String, List<Visit>> prefixes = new HashMap<>();
    /** Pinned visits not started, fixed, by route id. */
    private final Map<String, List<Visit>> pinned = new HashMap<>();
    private final Map<JobId, Integer> locationOf = new HashMap<>();
    private final TravelMatrix matrix;
    private final PartPreference partPreference;
    private final PlanSolution solution;

    DayPlanModel(PlanInput input, TravelTimes travel, ServiceAreaFences fences, Duration overtimeAllowance,
            PlanWeights weights, PartPreference partPreference) {
        this.travel = travel;
        this.fences = fences;
        this.partPreference = partPreference;
        this.oneDay = input.oneDay();
        long now = input.now().getEpochSecond();
        for (PlanDay day : input.days()) {
            for (Technician t : day.technicians()) {
                if (!t.serviceAreas().h3Cells().isEmpty()) {
                    resolutions.add(t.serviceAreas().h3Resolution());
                }
            }
        }

        record Working(String id, Technician technician, LocalDate day, Route route, boolean first) {}
        List<Working> working = new ArrayList<>();
        Map<String, List<DispatchJob>> keep = new HashMap<>();
        for (int d = 0; d < input.days().size(); d++) {
            PlanDay day = input.days().get(d);
            Map<TechnicianId, Route> routeOf = new HashMap<>();
            day.routes().forEach(r -> routeOf.put(r.technician(), r));
            for (Technician t : day.technicians()) {
                if (t.shift() == null) {
                    continue;
                }
                String id = oneDay ? t.id().value() : t.id().value() + "@" + day.date();
                Route route = routeOf.getOrDefault(t.id(), Route.empty(t.id()));
                List<Visit> prefix = new ArrayList<>();
                List<Visit> fixed = new ArrayList<>();
                List<DispatchJob> movable = new ArrayList<>();
                for (Visit v : route.visits()) {
                    jobs.put(v.job().id(), v.job());
                    started.put(v.job().id(), v.started());
                    if (v.started()) {
                        prefix.add(v);
                    } else if (v.pinned()) {
                        fixed.add(v);
                    } else {
                        movable.add(v.job());
                    }
                }
                keys.put(id, new RouteKey(t.id(), oneDay ? null : day.date()));
                prefixes.put(id, prefix);
                pinned.put(id, fixed);
                keep.put(id, movable);
                working.add(new Working(id, t, day.date(), route, d == 0));
            }
        }
        input.jobs().forEach(j -> {
            jobs.put(j.id(), j);
            started.put(j.id(), false);
        });

        // locations: each route's start and end points, then every job
        Map<String, int[]> ends = new HashMap<>();
        for (Working w : working) {
            ends.put(w.id(), new int[] {addPoint(origin(w.technician(), w.route(), w.first())), addPoint(w.technician().endLocation())});
        }
        for (DispatchJob job : jobs.values()) {
            locationOf.put(job.id(), addPoint(job.location()));
        }
        matrix = new TravelMatrix(travel.secondsMatrix(points, points));

        List<PlanRoute> routes = new ArrayList<>();
        List<PlanStop> stops = new ArrayList<>();
        for (Working w : working) {
            Technician t = w.technician();
            Shift shift = t.shift();
            List<Visit> prefix = prefixes.get(w.id());
            List<Visit> fixed = pinned.get(w.id());
            long free = Math.max(shift.start().getEpochSecond(), now);
            if (!prefix.isEmpty()) {
                Visit last = prefix.get(prefix.size() - 1);
                free = Math.max(free, last.eta().plus(last.job().duration()).getEpochSecond());
            }
            int done = w.route().completedToday();
            int maxStops = Math.max(0, t.maxJobsPerDay() - done - prefix.size() - fixed.size());
            long lunchFrom = shift.lunch() == null ? 0 : shift.lunch().from().getEpochSecond();
            long lunchTo = shift.lunch() == null ? 0 : shift.lunch().to().getEpochSecond();
            long end = shift.end().getEpochSecond();
            int[] at = ends.get(w.id());
            PlanRoute route = new PlanRoute(w.id(), at[0], at[1], free, end, end + overtimeAllowance.getSeconds(),
                    lunchFrom, lunchTo, Long.MAX_VALUE, maxStops, skillsOf(t), areasOf(t.serviceAreas()), matrix);
            route.setOwner(t.id().value(), oneDay ? null : w.day());
            List<PlanRoute.Appointment> appointments = new ArrayList<>();
            for (Visit v : fixed) {
                appointments.add(new PlanRoute.Appointment(v.job().id().value(), locationOf.get(v.job().id()),
                        v.eta().getEpochSecond(), v.job().duration().getSeconds()));
            }
            route.setAppointments(appointments);
            List<PlanStop> kept = new ArrayList<>();
            for (DispatchJob job : keep.get(w.id())) {
                PlanStop stop = stop(job, locationOf.get(job.id()));
                stops.add(stop);
                kept.add(stop);
            }
            route.setStops(kept);
            routes.add(route);
        }
        PlanRoute bucket = PlanRoute.bucket(matrix);
        routes.add(bucket);
        for (DispatchJob job : input.jobs()) {
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
        return keys.values().stream().anyMatch(k -> k.technician().equals(technician));
    }

    /** Ids of the technician's routes: on {@code day}, or on every day when it is {@code null}. */
    List<String> routesOf(TechnicianId technician, LocalDate day) {
        List<String> ids = new ArrayList<>();
        keys.forEach((id, key) -> {
            if (key.technician().equals(technician) && (day == null || key.day() == null || day.equals(key.day()))) {
                ids.add(id);
            }
        });
        return ids;
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

    /** The route's technician is off: its fixed visits become jobs to plan again. */
    List<PlanStop> release(String routeId) {
        List<PlanStop> released = new ArrayList<>();
        List<Visit> fixed = new ArrayList<>(prefixes.getOrDefault(routeId, List.of()));
        fixed.addAll(pinned.getOrDefault(routeId, List.of()));
        for (Visit v : fixed) {
            started.put(v.job().id(), false);
            released.add(stop(v.job(), locationOf.get(v.job().id())));
        }
        prefixes.put(routeId, List.of());
        pinned.put(routeId, List.of());
        return released;
    }

    /** A pinned visit that was rescheduled: it leaves its route's appointments and becomes a job to plan. */
    PlanStop releasePinned(String routeId, JobId job) {
        List<Visit> kept = new ArrayList<>(pinned.get(routeId));
        kept.removeIf(v -> v.job().id().equals(job));
        pinned.put(routeId, kept);
        return stop(jobs.get(job), locationOf.get(job));
    }

    /** The route's appointments with one of them {@code extra} ticks longer. */
    static List<PlanRoute.Appointment> extendAppointment(PlanRoute route, JobId job, long extra) {
        List<PlanRoute.Appointment> grown = new ArrayList<>();
        for (PlanRoute.Appointment a : route.appointments()) {
            grown.add(a.id().equals(job.value()) ? new PlanRoute.Appointment(a.id(), a.location(), a.start(), a.duration() + extra) : a);
        }
        return grown;
    }

    /** The route's appointments without the job's. */
    static List<PlanRoute.Appointment> withoutAppointment(PlanRoute route, JobId job) {
        return route.appointments().stream().filter(a -> !a.id().equals(job.value())).toList();
    }

    /** Records that a job takes {@code extra} seconds longer (so the plan shows when it really ends). */
    void extend(JobId id, long extra) {
        replaceJob(jobs.get(id).withDuration(jobs.get(id).duration().plusSeconds(extra)));
    }

    /** Records a job's new window after a reschedule (so the plan and its checks see it). */
    void rewindow(JobId id, io.github.geodispatch.spi.TimeWindow window) {
        replaceJob(jobs.get(id).withWindow(window));
    }

    private void replaceJob(DispatchJob changed) {
        JobId id = changed.id();
        jobs.put(id, changed);
        prefixes.replaceAll((r, visits) -> visits.stream()
                .map(v -> v.job().id().equals(id) ? new Visit(changed, v.eta(), v.pinned(), v.started()) : v).toList());
        pinned.replaceAll((r, visits) -> visits.stream()
                .map(v -> v.job().id().equals(id) ? new Visit(changed, v.eta(), v.pinned(), v.started()) : v).toList());
    }

    /** Whether the job is a started visit of the route. */
    boolean isStartedOn(String routeId, JobId job) {
        return prefixes.getOrDefault(routeId, List.of()).stream().anyMatch(v -> v.job().id().equals(job));
    }

    /** The id of the route holding the job as a started or pinned visit, if any. */
    String fixedHolder(JobId job) {
        for (Map.Entry<String, List<Visit>> e : prefixes.entrySet()) {
            if (e.getValue().stream().anyMatch(v -> v.job().id().equals(job))) {
                return e.getKey();
            }
        }
        for (Map.Entry<String, List<Visit>> e : pinned.entrySet()) {
            if (e.getValue().stream().anyMatch(v -> v.job().id().equals(job))) {
                return e.getKey();
            }
        }
        return null;
    }

    /** Where the route starts: the last started visit, else (on the first day) the live location, else home. */
    private static GeoPoint origin(Technician t, Route route, boolean firstDay) {
        Visit lastStarted = null;
        for (Visit v : route.visits()) {
            if (v.started()) {
                lastStarted = v;
            }
        }
        if (lastStarted != null) {
            return lastStarted.job().location();
        }
        return firstDay && t.liveLocation() != null ? t.liveLocation().point() : t.startLocation();
    }

    private int addPoint(GeoPoint point) {
        points.add(point);
        return points.size() - 1;
    }

    private PlanStop stop(DispatchJob job, int location) {
        long duration = job.duration().getSeconds();
        long ready = job.window() == null ? NO_EARLIER : job.window().from().getEpochSecond();
        long due = job.window() == null ? NO_LATER : job.window().to().getEpochSecond();
        String preferred = job.preferredTechnician() == null ? null : job.preferredTechnician().value();
        long sla = job.slaDeadline() == null ? PlanStop.NO_DEADLINE : job.slaDeadline().getEpochSecond() - duration;
        return new PlanStop(job.id().value(), location, 0, ready, due, duration, needs(job), job.priority().weight(),
                areaKeys(job.location()), preferred, matrix).withSlaStart(sla).withPartBonuses(partBonuses(job));
    }

    /** The part preference's positive bonuses of the job, by the id of each technician of this plan. */
    private Map<String, Integer> partBonuses(DispatchJob job) {
        if (partPreference == PartPreference.NONE) {
            return Map.of();
        }
        Map<String, Integer> bonuses = new HashMap<>();
        for (RouteKey key : keys.values()) {
            String technician = key.technician().value();
            if (!bonuses.containsKey(technician)) {
                int bonus = partPreference.bonus(key.technician(), job);
                if (bonus < 0 || bonus > PartPreference.MAX_BONUS) {
                    throw new IllegalArgumentException("part preference bonus of technician " + technician + " for job "
                            + job.id() + " must be 0-" + PartPreference.MAX_BONUS + ", was " + bonus);
                }
                bonuses.put(technician, bonus);
            }
        }
        bonuses.values().removeIf(bonus -> bonus == 0);
        return bonuses;
    }

    /** What a job needs of a technician as model skills: its skills, {@code cert:CODE} and {@code branch:ID}. */
    static Map<String, Integer> needs(DispatchJob job) {
        Map<String, Integer> needs = new HashMap<>();
        for (SkillRequirement r : job.requiredSkills()) {
            needs.put(r.skill(), r.minLevel());
        }
        for (String cert : job.requiredCertifications()) {
            needs.put("cert:" + cert, 1);
        }
        needs.put("branch:" + job.branch().value(), 1);
        return needs;
    }

    /** What a technician holds as model skills on their shift's day (see {@link #needs}). */
    static Map<String, Integer> skillsOf(Technician t) {
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

    static Set<String> areasOf(ServiceAreas areas) {
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
        return areaKeys(point, resolutions, fences);
    }

    /** The area keys of a site at the given H3 resolutions and in the SERVICE_AREA fences containing it. */
    static Set<String> areaKeys(GeoPoint point, Set<Integer> resolutions, ServiceAreaFences fences) {
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
            if (!route.isAvailable() && route.stops().isEmpty()) {
                continue;
            }
            RouteKey key = keys.get(route.id());
            List<PlannedVisit> visits = new ArrayList<>();
            for (Visit v : prefixes.get(route.id())) {
                visits.add(new PlannedVisit(v.job().id(), v.eta(), v.eta().plus(v.job().duration()), true));
            }
            List<PlannedVisit> rest = new ArrayList<>();
            for (Visit v : pinned.get(route.id())) {
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
            routes.add(new PlannedRoute(key.technician(), key.day(), visits, Duration.ofSeconds(route.totalTravel()),
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
        return new DayPlan(SolverSetup.score(planned.score()), routes, unassignedIds, Map.of(), jobs, started);
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
