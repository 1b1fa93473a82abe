package io.github.geodispatch.dispatch.plan;
import io.github.geodispatch.dispatch.DispatchJob;
import io.github.geodispatch.spi.TechnicianId;

/**
 * How well a technician's van suits a job: the day planner prefers, as a soft rule, a technician whose van holds
 * the parts the job will need ({@link DayPlanner.Builder#partPreference}). The front door builds one from the job
 * type's usual parts and the van stock; a host may give its own. The planner asks once per job and technician
 * when a plan starts (and when a job arrives while it solves), so the answer is a snapshot of that moment.
 * Implementations must be thread-safe (the planner asks from its solving threads).
 */
@FunctionalInterface
public interface PartPreference {
    /** The largest bonus the planner accepts. */
    int MAX_BONUS = 100;

    /** Prefers nobody. */
    PartPreference NONE = (technician, job) -> 0;

    /**
     * The bonus of giving {@code job} to {@code technician}, in points of {@code 0..MAX_BONUS} (for example the
     * number of the job's usual parts the technician's van holds); 0 when the van holds nothing it needs.
     */
    int bonus(TechnicianId technician, DispatchJob job);
}
