package io.github.geodispatch.dispatch;

import io.github.geodispatch.spi.BranchId;
import io.github.geodispatch.spi.GeoPoint;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.Priority;
import io.github.geodispatch.spi.SkillRequirement;
import io.github.geodispatch.spi.TimeWindow;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A customer on the phone asks when a job of {@code jobType} can be done at {@code site}: which branch
 * serves it, the skills and certifications the work needs, how long it takes, and optionally the window
 * the customer can offer ({@code null} = any time in the schedule's days). At most {@code max} slots are
 * wanted. Immutable and thread-safe.
 */
public record SlotQuery(BranchId branch, GeoPoint site, String jobType, List<SkillRequirement> skills,
                        Set<String> certifications, Duration duration, TimeWindow within, int max) {
    /** The most slots one query returns. */
    public static final int MAX_SLOTS = 50;
    /** The id under which a query's would-be job is searched; never a real job's. */
    static final JobId QUERY_JOB = JobId.of("SLOT-QUERY");

    public SlotQuery {
        Objects.requireNonNull(branch, "branch");
        Objects.requireNonNull(site, "site");
        skills = List.copyOf(Objects.requireNonNull(skills, "skills"));
        certifications = Set.copyOf(Objects.requireNonNull(certifications, "certifications"));
        if (max < 1 || max > MAX_SLOTS) {
            throw new IllegalArgumentException("max slots must be 1-" + MAX_SLOTS + ", was " + max);
        }
        // the job type, skills, certifications and duration are checked as a DispatchJob's
        new DispatchJob(QUERY_JOB, branch, site, jobType, skills, certifications, Priority.NORMAL, null, null, duration, null);
    }

    /** The query as the job it would be (under the id {@code SLOT-QUERY}), with work to start within {@code window}. */
    public DispatchJob asJob(TimeWindow window) {
        return new DispatchJob(QUERY_JOB, branch, site, jobType, skills, certifications, Priority.NORMAL, window, null,
                duration, null);
    }
}
