package io.github.geodispatch.dispatch.plan.internal;
import org.optaplanner.core.api.domain.entity.PlanningEntity;
import org.optaplanner.core.api.domain.lookup.PlanningId;
import org.optaplanner.core.api.domain.variable.IndexShadowVariable;
import org.optaplanner.core.api.domain.variable.InverseRelationShadowVariable;
import org.optaplanner.core.api.domain.variable.NextElementShadowVariable;
import org.optaplanner.core.api.domain.variable.PreviousElementShadowVariable;
import org.optaplanner.core.api.domain.variable.ShadowVariable;
import org.optaplanner.core.api.domain.variable.VariableListener;
import org.optaplanner.core.api.score.director.ScoreDirector;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A visit to plan: an element of a {@link PlanRoute}'s list variable. Its route, neighbours and service
 * start are shadow variables kept up to date by the solver. Mutable, confined to one solver thread.
 */
@PlanningEntity
final class PlanStop {
    /** The SLA start of a stop without an SLA deadline: never late. */
    static final long NO_DEADLINE = Long.MAX_VALUE / 4;

    @PlanningId
    private String id;
    private int location;
    private long demand;
    private long ready;
    private long due;
    private long duration;
    private Map<String, Integer> requiredSkills;
    /** {@link #requiredSkills} as {@link SkillKeys} ids and levels. */
    private int[] needIds;
    private int[] needLevels;
    /** A rescheduled stop may be served by this technician only; {@code null} = by anyone qualified. */
    private String onlyTechnician;
    private int priorityWeight;
    private Set<String> areas;
    private String preferredTechnician;
    /** The part preference's bonus by technician id, positive ones only (see {@link #withPartBonuses}). */
    private Map<String, Integer> partBonuses = Map.of();
    private long slaStart = NO_DEADLINE;
    private TravelMatrix matrix;

    @InverseRelationShadowVariable(sourceVariableName = "stops")
    private PlanRoute route;
    @PreviousElementShadowVariable(sourceVariableName = "stops")
    private PlanStop previous;
    @NextElementShadowVariable(sourceVariableName = "stops")
    private PlanStop next;
    // declared so that every piece of list state lives on the stop itself (see LiveChanges.addToBucket)
    @IndexShadowVariable(sourceVariableName = "stops")
    private Integer index;
    @ShadowVariable(variableListenerClass = ServiceStartUpdater.class, sourceVariableName = "route")
    @ShadowVariable(variableListenerClass = ServiceStartUpdater.class, sourceVariableName = "previous")
    private Long serviceStart;

    @SuppressWarnings("unused") // the solution cloner needs it
    private PlanStop() {}

    /**
     * @param ready earliest service start, ticks
     * @param due latest service start, ticks
     * @param areas service areas the site lies in; a route with areas only serves stops sharing one
     * @param preferredTechnician the customer's previous technician (continuity); {@code null} for none
     */
    PlanStop(String id, int location, long demand, long ready, long due, long duration,
            Map<String, Integer> requiredSkills, int priorityWeight, Set<String> areas, String preferredTechnician,
            TravelMatrix matrix) {
        this.id = Objects.requireNonNull(id, "id");
        if (location < 0 || location >= matrix.size()) {
            throw new IllegalArgumentException("stop " + id + ": location " + location + " outside the travel matrix");
        }
        if (demand < 0 || duration < 0) {
            throw new IllegalArgumentException("stop " + id + ": demand and duration must be >= 0");
        }
        if (ready > due) {
            throw new IllegalArgumentException("stop " + id + ": window opens at " + ready + " after it closes at " + due);
        }
        this.location = location;
        this.demand = demand;
        this.ready = ready;
        this.due = due;
        this.duration = duration;
        this.requiredSkills = Map.copyOf(requiredSkills);
        compileNeeds();
        this.priorityWeight = priorityWeight;
        this.areas = Set.copyOf(areas);
        this.preferredTechnician = preferredTechnician;
        this.matrix = matrix;
    }

    String id() { return id; }
    int location() { return location; }
    long demand() { return demand; }
    long ready() { return ready; }
    long due() { return due; }
    long duration() { return duration; }
    Map<String, Integer> requiredSkills() { return requiredSkills; }
    int[] needIds() { return needIds; }
    int[] needLevels() { return needLevels; }
    String onlyTechnician() { return onlyTechnician; }
    int priorityWeight() { return priorityWeight; }
    Set<String> areas() { return areas; }
    String preferredTechnician() { return preferredTechnician; }
    /** The bonus of this stop on the technician's route, 0 when their van holds nothing it needs. */
    int partBonus(String technician) { return partBonuses.getOrDefault(technician, 0); }
    /** The latest service start that still meets the SLA deadline; {@link #NO_DEADLINE} when there is none. */
    long slaStart() { return slaStart; }
    TravelMatrix matrix() { return matrix; }
    PlanRoute route() { return route; }
    PlanStop previous() { return previous; }
    PlanStop next() { return next; }
    Long serviceStart() { return serviceStart; }

    /** Sets the latest service start that meets the job's SLA deadline (before solving); returns this stop. */
    PlanStop withSlaStart(long latestStart) {
        this.slaStart = latestStart;
        return this;
    }

    /** Sets the part preference's positive bonuses by technician id (before solving); returns this stop. */
    PlanStop withPartBonuses(Map<String, Integer> bonuses) {
        this.partBonuses = Map.copyOf(bonuses);
        return this;
    }

    /**
     * A rescheduled job: service must start in {@code [newReady, newDue]}, and when {@code technician} is given
     * only that technician's routes may serve it.
     */
    void reschedule(long newReady, long newDue, String technician) {
        if (newReady > newDue) {
            throw new IllegalArgumentException("stop " + id + ": window opens at " + newReady + " after it closes at " + newDue);
        }
        this.ready = newReady;
        this.due = newDue;
        this.onlyTechnician = technician;
    }

    private void compileNeeds() {
        needIds = new int[requiredSkills.size()];
        needLevels = new int[requiredSkills.size()];
        int i = 0;
        for (Map.Entry<String, Integer> need : requiredSkills.entrySet()) {
            needIds[i] = SkillKeys.id(need.getKey());
            needLevels[i++] = need.getValue();
        }
    }

    /** A job running long: the planner learns its new expected duration. */
    void setDuration(long duration) {
        if (duration < 0) {
            throw new IllegalArgumentException("stop " + id + ": duration must be >= 0");
        }
        this.duration = duration;
    }

    /** Sets the shadow variables a solver would compute, for a stop at {@code index} of its route. */
    void setShadows(PlanRoute route, int index, PlanStop previous, PlanStop next, Long serviceStart) {
        this.route = route;
        this.index = index;
        this.previous = previous;
        this.next = next;
        this.serviceStart = serviceStart;
    }

    void setNext(PlanStop next) {
        this.next = next;
    }

    /** Test and problem-change hook: sets the service start shadow variable. */
    void setServiceStart(Long serviceStart) {
        this.serviceStart = serviceStart;
    }

    boolean isPlanned() {
        return route != null && !route.isBucket();
    }

    long serviceEnd() {
        return serviceStart + duration;
    }

    long lateness() {
        return serviceStart == null ? 0 : Math.max(0, serviceStart - due);
    }

    /** Ticks by which the service starts too late to finish by the SLA deadline. */
    long slaLateness() {
        return serviceStart == null ? 0 : Math.max(0, serviceStart - slaStart);
    }

    @Override
    public String toString() {
        return id;
    }

    /**
     * Recomputes service starts from the changed stop to the end of its route, stopping early once a start
     * is unchanged. Public only because the solver instantiates it reflectively; its enclosing class keeps
     * it out of the API. Stateless.
     */
    public static final class ServiceStartUpdater implements VariableListener<PlanSolution, PlanStop> {
        @Override
        public void beforeVariableChanged(ScoreDirector<PlanSolution> director, PlanStop stop) {
            // only the state after the change matters
        }

        @Override
        public void afterVariableChanged(ScoreDirector<PlanSolution> director, PlanStop stop) {
            PlanRoute route = stop.route;
            if (route == null || route.isBucket()) {
                set(director, stop, null);
                return;
            }
            PlanStop previous = stop.previous;
            if (previous != null && previous.serviceStart == null) {
                return; // the predecessor is updated later and carries the change on to this stop
            }
            PlanStop current = stop;
            while (current != null) {
                long start = route.startAfter(previous, current);
                if (current.serviceStart != null && current.serviceStart == start) {
                    break;
                }
                set(director, current, start);
                previous = current;
                current = current.next;
            }
        }

        private static void set(ScoreDirector<PlanSolution> director, PlanStop stop, Long start) {
            if (!Objects.equals(stop.serviceStart, start)) {
                director.beforeVariableChanged(stop, "serviceStart");
                stop.serviceStart = start;
                director.afterVariableChanged(stop, "serviceStart");
            }
        }

        @Override
        public void beforeEntityAdded(ScoreDirector<PlanSolution> director, PlanStop stop) {
            // nothing to do before
        }

        @Override
        public void afterEntityAdded(ScoreDirector<PlanSolution> director, PlanStop stop) {
            afterVariableChanged(director, stop);
        }

        @Override
        public void beforeEntityRemoved(ScoreDirector<PlanSolution> director, PlanStop stop) {
            // nothing to do before
        }

        @Override
        public void afterEntityRemoved(ScoreDirector<PlanSolution> director, PlanStop stop) {
            // a removed stop has no successors to update
        }
    }
}
