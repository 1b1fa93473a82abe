package io.github.geodispatch.dispatch.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.optaplanner.core.api.domain.entity.PlanningEntity;
import org.optaplanner.core.api.domain.lookup.PlanningId;
import org.optaplanner.core.api.domain.variable.PlanningListVariable;

/**
 * One technician's (or vehicle's) day: where and when it becomes free, its shift, lunch break,
 * capacity, skills and service areas, and the ordered stops the solver gives it. One special route, the
 * bucket, holds the stops left unassigned. Mutable, confined to one solver thread.
 */
@PlanningEntity
final class PlanRoute {
    static final String BUCKET_ID = "(unassigned)";

    @PlanningId
    private String id;
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
    private Set<String> areas;
    private boolean available;
    private TravelMatrix matrix;

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
        if (startLocation < 0 || startLocation >= matrix.size() || endLocation < 0 || endLocation >= matrix.size()) {
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
        this.areas = Set.copyOf(areas);
        this.available = true;
        this.matrix = matrix;
    }

    /** The route that holds unassigned stops; no constraint but "unassigned" looks at it. */
    static PlanRoute bucket(TravelMatrix matrix) {
        PlanRoute bucket = new PlanRoute(BUCKET_ID, 0, 0, 0, 0, 0, 0, 0, 0, 0, Map.of(), Set.of(), matrix);
        bucket.bucket = true;
        return bucket;
    }

    String id() { return id; }
    boolean isBucket() { return bucket; }
    int startLocation() { return startLocation; }
    int endLocation() { return endLocation; }
    long startTime() { return startTime; }
    long regularEnd() { return regularEnd; }
    long shiftEnd() { return shiftEnd; }
    long capacity() { return capacity; }
    int maxStops() { return maxStops; }
    boolean isAvailable() { return available; }
    List<PlanStop> stops() { return stops; }

    void setStops(List<PlanStop> stops) {
        this.stops = stops;
    }

    /** The technician went off sick: nothing may stay on this route. */
    void markUnavailable() {
        this.available = false;
    }

    boolean hasSkills(Map<String, Integer> required) {
        for (Map.Entry<String, Integer> need : required.entrySet()) {
            Integer level = skills.get(need.getKey());
            if (level == null || level < need.getValue()) {
                return false;
            }
        }
        return true;
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

    /** When service at {@code stop} starts if the route leaves {@code from} at {@code departure}. */
    long serviceStartAt(PlanStop stop, int from, long departure) {
        long start = Math.max(departure + matrix.travel(from, stop.location()), stop.ready());
        if (breakEnd > breakStart && start < breakEnd && start + stop.duration() > breakStart) {
            start = breakEnd;
        }
        return start;
    }

    /** When the route is back at its end location; {@link #startTime} if it has no stops. */
    long returnTime() {
        if (stops.isEmpty()) {
            return startTime;
        }
        PlanStop last = stops.get(stops.size() - 1);
        Long start = last.serviceStart();
        return start == null ? startTime : start + last.duration() + matrix.travel(last.location(), endLocation);
    }

    long totalTravel() {
        if (stops.isEmpty()) {
            return 0;
        }
        long total = 0;
        int from = startLocation;
        for (PlanStop stop : stops) {
            total += matrix.travel(from, stop.location());
            from = stop.location();
        }
        return total + matrix.travel(from, endLocation);
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
