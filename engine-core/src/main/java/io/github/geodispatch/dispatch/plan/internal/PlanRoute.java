package io.github.geodispatch.dispatch.plan.internal;
import org.optaplanner.core.api.domain.entity.PlanningEntity;
import org.optaplanner.core.api.domain.lookup.PlanningId;
import org.optaplanner.core.api.domain.variable.PlanningListVariable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One technician's (or vehicle's) day: where and when it becomes free, its shift, lunch break,
 * capacity, skills and service areas, and the ordered stops the solver gives it. In a plan of several
 * days each technician has one route per working day ({@link #technician()}, {@link #day()}). One special
 * route, the bucket, holds the stops left unassigned. Mutable, confined to one solver thread.
 */
@PlanningEntity
final class PlanRoute {
    static final String BUCKET_ID = "(unassigned)";

    @PlanningId
    private String id;
    private String technician;
    private LocalDate day;
    private boolean bucket;
    private int startLocation;
    private int endLocation;
    private long startTime;
    private long regularEnd;
    private long shiftEnd;
    private long breakStart;
    private long breakEnd;
    private long capacity;
    private int maxStops;
    private Map<String, Integer> skills;
    /** {@link #skills} by {@link SkillKeys} id. */
    private int[] levels;
    private Set<String> areas;
    private boolean available;
    private TravelMatrix matrix;
    /** Pinned visits not yet started: fixed location, start and duration, in start order. */
    private List<Appointment> appointments;

    @PlanningListVariable(valueRangeProviderRefs = "stops")
    private List<PlanStop> stops = new ArrayList<>();

    @SuppressWarnings("unused") // the solution cloner needs it
    private PlanRoute() {}

    /**
     * @param startTime when the route becomes free at {@code startLocation} (shift start, or the end of its
     *     pinned visits), ticks
     * @param regularEnd return after this is overtime (soft)
     * @param shiftEnd return after this breaks the shift (hard)
     * @param breakStart start of the lunch break; {@code breakEnd <= breakStart} means no break
     * @param areas service areas served; empty means anywhere
     */
    PlanRoute(String id, int startLocation, int endLocation, long startTime, long regularEnd, long shiftEnd,
            long breakStart, long breakEnd, long capacity, int maxStops, Map<String, Integer> skills,
            Set<String> areas, TravelMatrix matrix) {
        this.id = Objects.requireNonNull(id, "id");
        this.technician = id;
        // the bucket of unassigned stops travels nowhere: a group may have no locations at all (a day nobody works)
        this.bucket = BUCKET_ID.equals(id);
        if (!bucket && (startLocation < 0 || startLocation >= matrix.size() || endLocation < 0 || endLocation >= matrix.size())) {
            throw new IllegalArgumentException("route " + id + ": start or end location outside the travel matrix");
        }
        if (regularEnd > shiftEnd) {
            throw new IllegalArgumentException("route " + id + ": regular end " + regularEnd + " after shift end " + shiftEnd);
        }
        if (capacity < 0 || maxStops < 0) {
            throw new IllegalArgumentException("route " + id + ": capacity and max stops must be >= 0");
        }
        this.startLocation = startLocation;
        this.endLocation = endLocation;
        this.startTime = startTime;
        this.regularEnd = regularEnd;
        this.shiftEnd = shiftEnd;
        this.breakStart = breakStart;
        this.breakEnd = breakEnd;
        this.capacity = capacity;
        this.maxStops = maxStops;
        this.skills = Map.copyOf(skills);
        this.levels = SkillKeys.levels(this.skills);
        this.areas = Set.copyOf(areas);
        this.available = true;
        this.matrix = matrix;
        this.appointments = List.of();
    }

    /**
     * A pinned visit that has not started: it stays on this route at its committed start. Planned stops
     * go around it: a stop is served before it only when the route can still reach it on time.
     */
    record Appointment(String id, int location, long start, long duration) {
        Appointment {
            if (duration <= 0) {
                throw new IllegalArgumentException("appointment " + id + ": duration must be positive");
            }
        }
    }

    void setAppointments(List<Appointment> appointments) {
        List<Appointment> sorted = new ArrayList<>(appointments);
        sorted.sort(java.util.Comparator.comparingLong(Appointment::start));
        for (Appointment a : sorted) {
            if (a.location() < 0 || a.location() >= matrix.size()) {
                throw new IllegalArgumentException("appointment " + a.id() + ": location outside the travel matrix");
            }
        }
        this.appointments = List.copyOf(sorted);
    }

    List<Appointment> appointments() {
        return appointments;
    }

    /** The route that holds unassigned stops; no constraint but "unassigned" looks at it. */
    static PlanRoute bucket(TravelMatrix matrix) {
        return new PlanRoute(BUCKET_ID, 0, 0, 0, 0, 0, 0, 0, 0, 0, Map.of(), Set.of(), matrix);
    }

    /** Names the technician and day this route belongs to (by default the technician is the route's id, no day). */
    void setOwner(String technicianId, LocalDate date) {
        this.technician = Objects.requireNonNull(technicianId, "technician");
        this.day = date;
    }

    String id() { return id; }
    String technician() { return technician; }
    /** The calendar day of the route in a plan of several days; {@code null} in a one-day plan. */
    LocalDate day() { return day; }
    boolean isBucket() { return bucket; }
    int startLocation() { return startLocation; }
    int endLocation() { return endLocation; }
    long startTime() { return startTime; }
    long regularEnd() { return regularEnd; }
    long shiftEnd() { return shiftEnd; }
    long capacity() { return capacity; }
    int maxStops() { return maxStops; }
    boolean isAvailable() { return available; }
    TravelMatrix matrix() { return matrix; }
    List<PlanStop> stops() { return stops; }

    void setStops(List<PlanStop> stops) {
        this.stops = stops;
    }

    /** The started visits run long: the route is free {@code extra} ticks later. */
    void delayStart(long extra) {
        this.startTime += extra;
    }

    /** The technician went off sick: nothing may stay on this route. */
    void markUnavailable() {
        this.available = false;
    }

    /** Whether this route's technician may do the stop: every required skill at its level, and no other technician named. */
    boolean qualifiedFor(PlanStop stop) {
        int[] ids = stop.needIds();
        int[] min = stop.needLevels();
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] >= levels.length || levels[ids[i]] < min[i]) {
                return false;
            }
        }
        return stop.onlyTechnician() == null || stop.onlyTechnician().equals(technician);
    }

    boolean serves(PlanStop stop) {
        if (areas.isEmpty()) {
            return true;
        }
        for (String area : stop.areas()) {
            if (areas.contains(area)) {
                return true;
            }
        }
        return false;
    }

    /**
     * When a route leaving at {@code depart} arrives after {@code travel} ticks: travel that would cross
     * the lunch break pauses for it (the rule {@code dispatch.Shift} states).
     */
    long arrive(long depart, long travel) {
        if (breakEnd <= breakStart || depart >= breakEnd) {
            return depart + travel;
        }
        if (depart >= breakStart) {
            return breakEnd + travel;
        }
        long arrival = depart + travel;
        return arrival > breakStart ? arrival + (breakEnd - breakStart) : arrival;
    }

    /** When work of {@code duration} possible from {@code ready} starts: work overlapping lunch waits for its end. */
    long workStart(long ready, long duration) {
        return breakEnd > breakStart && ready < breakEnd && ready + duration > breakStart ? breakEnd : ready;
    }

    /** Appointments served before a stop that starts at {@code start}. */
    private int appointmentsBefore(long start) {
        int k = 0;
        while (k < appointments.size() && appointments.get(k).start() < start) {
            k++;
        }
        return k;
    }

    /**
     * When service at {@code stop} starts if it follows {@code previous} (whose service start is already
     * known; {@code null} = the route's start), serving first any appointment it could not otherwise reach.
     */
    long startAfter(PlanStop previous, PlanStop stop) {
        return previous == null ? startFrom(startLocation, startTime, Long.MIN_VALUE, stop)
                : startFrom(previous.location(), previous.serviceEnd(), previous.serviceStart(), stop);
    }

    /**
     * When service at {@code stop} starts if the route leaves {@code from} at {@code departure}, the visit
     * there having started at {@code previousStart} ({@link Long#MIN_VALUE} = the route's start).
     */
    long startFrom(int from, long departure, long previousStart, PlanStop stop) {
        int k = previousStart == Long.MIN_VALUE ? 0 : appointmentsBefore(previousStart);
        while (true) {
            long start = workStart(Math.max(arrive(departure, matrix.travel(from, stop.location())), stop.ready()),
                    stop.duration());
            if (k == appointments.size()) {
                return start;
            }
            Appointment next = appointments.get(k);
            long end = start + stop.duration();
            if (arrive(end, matrix.travel(stop.location(), next.location())) <= next.start()) {
                return start;
            }
            departure = Math.max(arrive(departure, matrix.travel(from, next.location())), next.start()) + next.duration();
            from = next.location();
            k++;
        }
    }

    /** Whether this route could serve {@code stop} at all: availability, skills and service area. */
    boolean accepts(PlanStop stop) {
        return !bucket && available && qualifiedFor(stop) && serves(stop);
    }

    /**
     * Whether {@code sequence} on this route breaks no time or load rule: every window met, back by the
     * shift end, within capacity and max jobs. Skills and areas are checked by {@link #accepts}.
     */
    boolean feasible(List<PlanStop> sequence) {
        if (sequence.size() > maxStops) {
            return false;
        }
        long load = 0;
        int from = startLocation;
        long departure = startTime;
        long previousStart = Long.MIN_VALUE;
        for (PlanStop stop : sequence) {
            load += stop.demand();
            long start = startFrom(from, departure, previousStart, stop);
            if (start > stop.due()) {
                return false;
            }
            from = stop.location();
            departure = start + stop.duration();
            previousStart = start;
        }
        if (load > capacity) {
            return false;
        }
        return sequence.isEmpty() && appointments.isEmpty() || backInTime(from, departure, previousStart);
    }

    /**
     * Whether a route that leaves {@code from} at {@code departure}, its last stop having started at
     * {@code previousStart} ({@link Long#MIN_VALUE} = no stop), still serves the appointments after it and
     * is back at its end location by the shift end.
     */
    boolean backInTime(int from, long departure, long previousStart) {
        int k = previousStart == Long.MIN_VALUE ? 0 : appointmentsBefore(previousStart);
        for (; k < appointments.size(); k++) {
            Appointment a = appointments.get(k);
            departure = Math.max(arrive(departure, matrix.travel(from, a.location())), a.start()) + a.duration();
            from = a.location();
        }
        return arrive(departure, matrix.travel(from, endLocation)) <= shiftEnd;
    }

    /** Walks the route as planned: total travel (appointment detours included) and return time. */
    private long[] walk() {
        long travel = 0;
        int from = startLocation;
        long departure = startTime;
        int k = 0;
        for (PlanStop stop : stops) {
            Long start = stop.serviceStart();
            if (start == null) {
                return new long[] {travel, departure};
            }
            while (k < appointments.size() && appointments.get(k).start() < start) {
                Appointment a = appointments.get(k++);
                travel += matrix.travel(from, a.location());
                departure = Math.max(arrive(departure, matrix.travel(from, a.location())), a.start()) + a.duration();
                from = a.location();
            }
            travel += matrix.travel(from, stop.location());
            from = stop.location();
            departure = stop.serviceEnd();
        }
        while (k < appointments.size()) {
            Appointment a = appointments.get(k++);
            travel += matrix.travel(from, a.location());
            departure = Math.max(arrive(departure, matrix.travel(from, a.location())), a.start()) + a.duration();
            from = a.location();
        }
        travel += matrix.travel(from, endLocation);
        return new long[] {travel, arrive(departure, matrix.travel(from, endLocation))};
    }

    /** When the route is back at its end location; {@link #startTime} if it has nothing to do. */
    long returnTime() {
        return stops.isEmpty() && appointments.isEmpty() ? startTime : walk()[1];
    }

    /** Travel ticks of the whole route; 0 if it has nothing to do. */
    long totalTravel() {
        return stops.isEmpty() && appointments.isEmpty() ? 0 : walk()[0];
    }

    long totalDemand() {
        long total = 0;
        for (PlanStop stop : stops) {
            total += stop.demand();
        }
        return total;
    }

    /** Ticks from becoming free to returning: travel, waiting and work. */
    long workload() {
        return returnTime() - startTime;
    }

    @Override
    public String toString() {
        return id + stops;
    }
}
