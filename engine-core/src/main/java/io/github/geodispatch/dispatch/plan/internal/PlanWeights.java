package io.github.geodispatch.dispatch.plan.internal;
import org.optaplanner.core.api.domain.constraintweight.ConstraintConfiguration;
import org.optaplanner.core.api.domain.constraintweight.ConstraintWeight;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

/**
 * The weight of every constraint. Hard and medium weights are fixed; the soft weights trade travel
 * against SLA lateness, overtime, balance, continuity and the van's parts (Solomon VRPTW keeps only travel). Mutable only before solving.
 */
@ConstraintConfiguration
final class PlanWeights {
    static final String SKILLS = "skills";
    static final String TIME_WINDOW = "time window";
    static final String SHIFT_END = "shift end";
    static final String SERVICE_AREA = "service area";
    static final String CAPACITY = "capacity";
    static final String MAX_JOBS = "max jobs per day";
    static final String TECHNICIAN_AVAILABLE = "technician available";
    static final String UNASSIGNED = "unassigned visit";
    static final String SLA = "SLA deadline";
    static final String TRAVEL_TIME = "travel time";
    static final String OVERTIME = "overtime";
    static final String BALANCE = "workload balance";
    static final String CONTINUITY = "continuity";
    static final String VAN_HOLDS_PARTS = "van holds parts";

    @ConstraintWeight(SKILLS)
    HardMediumSoftLongScore skills = HardMediumSoftLongScore.ONE_HARD;
    @ConstraintWeight(TIME_WINDOW)
    HardMediumSoftLongScore timeWindow = HardMediumSoftLongScore.ONE_HARD;
    @ConstraintWeight(SHIFT_END)
    HardMediumSoftLongScore shiftEnd = HardMediumSoftLongScore.ONE_HARD;
    @ConstraintWeight(SERVICE_AREA)
    HardMediumSoftLongScore serviceArea = HardMediumSoftLongScore.ONE_HARD;
    @ConstraintWeight(CAPACITY)
    HardMediumSoftLongScore capacity = HardMediumSoftLongScore.ONE_HARD;
    @ConstraintWeight(MAX_JOBS)
    HardMediumSoftLongScore maxJobs = HardMediumSoftLongScore.ONE_HARD;
    @ConstraintWeight(TECHNICIAN_AVAILABLE)
    HardMediumSoftLongScore technicianAvailable = HardMediumSoftLongScore.ONE_HARD;
    @ConstraintWeight(UNASSIGNED)
    HardMediumSoftLongScore unassigned = HardMediumSoftLongScore.ONE_MEDIUM;
    /** A second late on an SLA weighs as much as ten seconds of travel. */
    @ConstraintWeight(SLA)
    HardMediumSoftLongScore sla = HardMediumSoftLongScore.ofSoft(10);
    @ConstraintWeight(TRAVEL_TIME)
    HardMediumSoftLongScore travelTime = HardMediumSoftLongScore.ONE_SOFT;
    @ConstraintWeight(OVERTIME)
    HardMediumSoftLongScore overtime = HardMediumSoftLongScore.ofSoft(2);
    @ConstraintWeight(BALANCE)
    HardMediumSoftLongScore balance = HardMediumSoftLongScore.ONE_SOFT;
    @ConstraintWeight(CONTINUITY)
    HardMediumSoftLongScore continuity = HardMediumSoftLongScore.ofSoft(600);
    /** A part bonus point is worth this many seconds of travel (a reward); the planner's builder sets it. */
    @ConstraintWeight(VAN_HOLDS_PARTS)
    HardMediumSoftLongScore vanHoldsParts = HardMediumSoftLongScore.ZERO;

    /** The day plan's weights with one part bonus point worth {@code seconds} of travel. */
    static PlanWeights withPartPoint(long seconds) {
        PlanWeights weights = new PlanWeights();
        weights.vanHoldsParts = HardMediumSoftLongScore.ofSoft(seconds);
        return weights;
    }

    /** Solomon VRPTW: minimise distance only. */
    static PlanWeights travelOnly() {
        PlanWeights weights = new PlanWeights();
        weights.sla = HardMediumSoftLongScore.ZERO;
        weights.overtime = HardMediumSoftLongScore.ZERO;
        weights.balance = HardMediumSoftLongScore.ZERO;
        weights.continuity = HardMediumSoftLongScore.ZERO;
        weights.vanHoldsParts = HardMediumSoftLongScore.ZERO;
        return weights;
    }
}
