package io.github.geodispatch.dispatch.plan;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * When a solve stops. A plan is a function of its inputs and its seed when it is ended by counts only:
 * local-search steps (in all, or per movable visit), steps without a better plan, or move evaluations.
 * Whichever count is reached first ends the search. A wall-clock limit is only an outer guard a host may
 * add ({@link #orAfter}, {@link #orWhenUnimprovedFor}): a run it cuts short depends on the machine's speed
 * and load. {@link #after(Duration)}, time alone, is for benchmarks that compare solvers at equal time.
 *
 * <p>The day planner plans independent groups of technicians apart (see {@link DayPlanner}); a step or
 * move limit in all is shared among the groups in proportion to the visits each may move, so the share
 * each group gets depends on the problem only. Immutable and thread-safe.
 *
 * @param stepLimit local-search steps in all; {@code null} for none
 * @param stepsPerVisit local-search steps per visit the planner may move; {@code null} for none
 * @param unimprovedStepLimit stop after this many steps without a better plan; {@code null} for never
 * @param moveLimit move evaluations (score calculations) in all; {@code null} for none
 * @param timeLimit outer wall-clock guard; {@code null} for none
 * @param unimprovedTimeLimit outer guard: stop after this long without a better plan; {@code null} for never
 */
public record PlanTermination(Integer stepLimit, Integer stepsPerVisit, Integer unimprovedStepLimit, Long moveLimit,
        Duration timeLimit, Duration unimprovedTimeLimit) {
    /**
     * The longest wall-clock guard accepted, for {@code timeLimit} and {@code unimprovedTimeLimit}: a year (one past
     * 292 years overflowed the planner's nanosecond clock arithmetic).
     */
    public static final Duration MAX_TIME_LIMIT = Duration.ofDays(365);
    /** The planner's default: 50 local-search steps per visit it may move. */
    public static final PlanTermination DEFAULT = afterStepsPerVisit(50);

    public PlanTermination {
        requirePositive(stepLimit, "step limit");
        requirePositive(stepsPerVisit, "steps per visit");
        requirePositive(unimprovedStepLimit, "unimproved step limit");
        if (moveLimit != null && moveLimit <= 0) {
            throw new IllegalArgumentException("move limit must be positive, was " + moveLimit);
        }
        requireTimeLimit(timeLimit, "time limit");
        requireTimeLimit(unimprovedTimeLimit, "unimproved time limit");
        if (stepLimit == null && stepsPerVisit == null && unimprovedStepLimit == null && moveLimit == null
                && timeLimit == null && unimprovedTimeLimit == null) {
            throw new IllegalArgumentException("a termination needs at least one limit");
        }
    }

    /** Stop after {@code steps} local-search steps in all. */
    public static PlanTermination afterSteps(int steps) {
        return new PlanTermination(steps, null, null, null, null, null);
    }

    /** Stop after {@code steps} local-search steps per visit the planner may move (at least one step). */
    public static PlanTermination afterStepsPerVisit(int steps) {
        return new PlanTermination(null, steps, null, null, null, null);
    }

    /** Stop after {@code moves} move evaluations in all. */
    public static PlanTermination afterMoves(long moves) {
        return new PlanTermination(null, null, null, moves, null, null);
    }

    /**
     * Solve for this long, whatever the machine's speed: the plan depends on the machine and its load. For
     * benchmarks that compare solvers at equal time; a host that wants repeatable plans uses counts.
     */
    public static PlanTermination after(Duration timeLimit) {
        return new PlanTermination(null, null, null, null, Objects.requireNonNull(timeLimit, "time limit"), null);
    }

    /** The same limits, also stopping after {@code steps} local-search steps in all. */
    public PlanTermination orAfterSteps(int steps) {
        return new PlanTermination(steps, stepsPerVisit, unimprovedStepLimit, moveLimit, timeLimit, unimprovedTimeLimit);
    }

    /** The same limits, also stopping once {@code steps} steps in a row found no better plan. */
    public PlanTermination orWhenUnimprovedForSteps(int steps) {
        return new PlanTermination(stepLimit, stepsPerVisit, steps, moveLimit, timeLimit, unimprovedTimeLimit);
    }

    /** The same limits, also stopping after {@code moves} move evaluations in all. */
    public PlanTermination orAfterMoves(long moves) {
        return new PlanTermination(stepLimit, stepsPerVisit, unimprovedStepLimit, moves, timeLimit, unimprovedTimeLimit);
    }

    /** The same limits with an outer wall-clock guard: a run it cuts short is no longer repeatable. */
    public PlanTermination orAfter(Duration guard) {
        return new PlanTermination(stepLimit, stepsPerVisit, unimprovedStepLimit, moveLimit,
                Objects.requireNonNull(guard, "guard"), unimprovedTimeLimit);
    }

    /** The same limits, also stopping once the best plan has not improved for {@code limit} (an outer guard). */
    public PlanTermination orWhenUnimprovedFor(Duration limit) {
        return new PlanTermination(stepLimit, stepsPerVisit, unimprovedStepLimit, moveLimit, timeLimit,
                Objects.requireNonNull(limit, "limit"));
    }

    /** True when a count ends the search, so a seeded plan does not depend on the machine (unless a guard cuts it short). */
    public boolean countLimited() {
        return stepLimit != null || stepsPerVisit != null || unimprovedStepLimit != null || moveLimit != null;
    }

    /**
     * The local-search steps of a group that may move {@code groupVisits} of {@code allVisits}: its share of the
     * step limit in all, or its visits times the steps per visit, whichever is lower; empty when no step count is set.
     */
    public Optional<Integer> stepsFor(int groupVisits, int allVisits) {
        long steps = Long.MAX_VALUE;
        if (stepLimit != null) {
            steps = share(stepLimit, groupVisits, allVisits);
        }
        if (stepsPerVisit != null) {
            steps = Math.min(steps, Math.max(1L, (long) stepsPerVisit * groupVisits));
        }
        return steps == Long.MAX_VALUE ? Optional.empty() : Optional.of((int) Math.min(Integer.MAX_VALUE, steps));
    }

    /** A group's share of the move limit in all (see {@link #stepsFor}); empty when no move limit is set. */
    public Optional<Long> movesFor(int groupVisits, int allVisits) {
        return moveLimit == null ? Optional.empty() : Optional.of(share(moveLimit, groupVisits, allVisits));
    }

    public Optional<Integer> steps() {
        return Optional.ofNullable(stepLimit);
    }

    public Optional<Integer> unimprovedSteps() {
        return Optional.ofNullable(unimprovedStepLimit);
    }

    public Optional<Duration> time() {
        return Optional.ofNullable(timeLimit);
    }

    public Optional<Duration> unimproved() {
        return Optional.ofNullable(unimprovedTimeLimit);
    }

    private static long share(long total, int part, int whole) {
        if (whole <= 0 || part >= whole) {
            return total;
        }
        return Math.max(1L, (long) Math.ceil((double) total * part / whole));
    }

    private static void requirePositive(Integer value, String what) {
        if (value != null && value <= 0) {
            throw new IllegalArgumentException(what + " must be positive, was " + value);
        }
    }

    private static void requireTimeLimit(Duration value, String what) {
        if (value != null && (value.isZero() || value.isNegative() || value.compareTo(MAX_TIME_LIMIT) > 0)) {
            throw new IllegalArgumentException(what + " must be positive and at most " + MAX_TIME_LIMIT + ", was "
                    + value);
        }
    }
}
