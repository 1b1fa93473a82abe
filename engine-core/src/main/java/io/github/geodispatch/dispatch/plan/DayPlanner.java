package io.github.geodispatch.dispatch.plan;
import io.github.geodispatch.dispatch.HaversineTravelTimes;
import io.github.geodispatch.dispatch.ServiceAreaFences;
import io.github.geodispatch.dispatch.plan.internal.LocalSearchDayPlanner;
import io.github.geodispatch.spi.TravelTimes;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Plans a whole team's day, or a horizon of days, and keeps re-planning it live.
 *
 * <pre>{@code
 * DayPlanner planner = DayPlanner.builder()
 *         .termination(PlanTermination.afterStepsPerVisit(50))      // the default: a count, not the clock
 *         .build();
 * PlanningSession session = planner.start(DayPlanProblem.of(now, technicians, jobs),
 *         progress -> log.info("best {}", progress.bestScore()));
 * PlanDiff diff = session.apply(new PlanChange.NewJob(urgentJob)).join();   // while it solves
 * DayPlan plan = session.result().join();
 * }</pre>
 *
 * <p>Hard rules: skills (with levels), certifications valid through the shift, branch, service areas,
 * customer window, shift end (plus any overtime allowance), max jobs per day. Medium: jobs left
 * unassigned, weighted by priority. Soft: SLA lateness, travel time, overtime, workload balance and
 * continuity with the customer's previous technician. Started visits stay where they are; pinned visits
 * keep their technician and time.
 *
 * <p>How it plans: technicians who could never share a job (other branches, other service areas, other
 * skills) are planned apart, in parallel; in each group every visit is first placed by cheapest feasible
 * insertion, then OptaPlanner local search improves the plan within the group's share of the
 * {@link PlanTermination}, and a last insertion pass places any job a slot is still left for. So no
 * unassigned job of the final plan has a feasible place in it; {@link DayPlan#unassignedReason} says why.
 * A plan is a function of the problem, the seed and the termination's counts.
 *
 * <p>Thread-safe: one planner may run many sessions at once, each on its own solving threads.
 */
public interface DayPlanner {

    /**
     * Starts solving {@code problem} off the calling thread; {@code progress} hears of every better plan (from the
     * solving threads, one call at a time).
     */
    PlanningSession start(DayPlanProblem problem, Consumer<PlanProgress> progress);

    /** Starts solving a horizon of days off the calling thread (see {@link #start(DayPlanProblem, Consumer)}). */
    PlanningSession start(HorizonProblem problem, Consumer<PlanProgress> progress);

    /** Solves on solving threads and waits for the result. */
    default DayPlan solve(DayPlanProblem problem) {
        return start(problem, progress -> { }).result().join();
    }

    /** Solves a horizon of days on solving threads and waits for the result. */
    default DayPlan solve(HorizonProblem problem) {
        return start(problem, progress -> { }).result().join();
    }

    static Builder builder() {
        return new Builder();
    }

    /** Configures a {@link DayPlanner}; each setter fails at once on a null, bad or repeated value. Not thread-safe. */
    final class Builder {
        private static final Duration DEFAULT_PART_POINT = Duration.ofMinutes(5);

        private TravelTimes travel;
        private ServiceAreaFences fences;
        private PlanTermination termination;
        private Duration overtimeAllowance;
        private Executor executor;
        private Long seed;
        private Integer parallelism;
        private PartPreference partPreference;
        private Duration partPointWorth;

        private Builder() {}

        /** Default: {@link HaversineTravelTimes#defaults()}. */
        public Builder travelTimes(TravelTimes travelTimes) {
            travel = once(travel, travelTimes, "travel times");
            return this;
        }

        /** Resolves SERVICE_AREA fence ids of technicians' areas. Default: {@link ServiceAreaFences#NONE}. */
        public Builder serviceAreaFences(ServiceAreaFences serviceAreaFences) {
            fences = once(fences, serviceAreaFences, "service area fences");
            return this;
        }

        /** Default: {@link PlanTermination#DEFAULT}, a step count per movable visit. */
        public Builder termination(PlanTermination planTermination) {
            termination = once(termination, planTermination, "termination");
            return this;
        }

        /** How long after shift end a technician may still work (as soft overtime). Default: none. */
        public Builder overtimeAllowance(Duration allowance) {
            overtimeAllowance = once(overtimeAllowance, wholeSeconds(allowance, 8, "overtime allowance"), "overtime allowance");
            return this;
        }

        /** Runs the solving workers on this executor. Default: a new daemon thread per worker. */
        public Builder executor(Executor solvingExecutor) {
            executor = once(executor, solvingExecutor, "executor");
            return this;
        }

        /**
         * Random seed; the same seed, problem and termination counts give the same plan on any machine, at any
         * load. Default: 0.
         */
        public Builder seed(long randomSeed) {
            seed = once(seed, randomSeed, "seed");
            return this;
        }

        /**
         * How many independent groups of technicians are solved at once (it changes how fast, never what is
         * planned). Default: the available processors.
         */
        public Builder parallelism(int workers) {
            if (workers < 1 || workers > 256) {
                throw new IllegalArgumentException("parallelism must be 1-256, was " + workers);
            }
            parallelism = once(parallelism, workers, "parallelism");
            return this;
        }

        /**
         * Prefers, as a soft rule, a technician whose van holds the parts a job needs: each planned visit earns its
         * {@link PartPreference#bonus} on its technician, each point worth {@link #partPointWorth} of travel. It
         * never breaks a hard rule nor leaves a job unassigned. Default: {@link PartPreference#NONE}.
         */
        public Builder partPreference(PartPreference preference) {
            partPreference = once(partPreference, preference, "part preference");
            return this;
        }

        /**
         * How much travel one point of the part preference's bonus is worth: the planner adds up to this much
         * driving to give a job to a technician whose van holds one more of its parts. Whole seconds in
         * {@code [0, 2 h]}. Default: 5 minutes.
         */
        public Builder partPointWorth(Duration travel) {
            partPointWorth = once(partPointWorth, wholeSeconds(travel, 2, "part point worth"), "part point worth");
            return this;
        }

        public DayPlanner build() {
            return new LocalSearchDayPlanner(
                    travel == null ? HaversineTravelTimes.defaults() : travel,
                    fences == null ? ServiceAreaFences.NONE : fences,
                    termination == null ? PlanTermination.DEFAULT : termination,
                    overtimeAllowance == null ? Duration.ZERO : overtimeAllowance,
                    executor,
                    seed == null ? 0L : seed,
                    parallelism == null ? Runtime.getRuntime().availableProcessors() : parallelism,
                    partPreference == null ? PartPreference.NONE : partPreference,
                    partPointWorth == null ? DEFAULT_PART_POINT.getSeconds() : partPointWorth.getSeconds(),
                    false);
        }

        /** {@code value}, when it is whole seconds in [0, {@code maxHours} h]. */
        private static Duration wholeSeconds(Duration value, int maxHours, String what) {
            Objects.requireNonNull(value, what);
            if (value.isNegative() || value.compareTo(Duration.ofHours(maxHours)) > 0 || value.getNano() != 0) {
                throw new IllegalArgumentException(what + " must be whole seconds in [0, " + maxHours + " h], was " + value);
            }
            return value;
        }

        private static <T> T once(T current, T value, String what) {
            Objects.requireNonNull(value, what);
            if (current != null) {
                throw new IllegalStateException(what + " already set");
            }
            return value;
        }
    }
}
