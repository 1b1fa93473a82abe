package io.github.geodispatch.dispatch;
import io.github.geodispatch.dispatch.internal.Codes;
import io.github.geodispatch.spi.BranchId;
import io.github.geodispatch.spi.CalendarRange;
import io.github.geodispatch.spi.GeoPoint;
import io.github.geodispatch.spi.JobEvent;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.Priority;
import io.github.geodispatch.spi.SkillRequirement;
import io.github.geodispatch.spi.TechnicianId;
import io.github.geodispatch.spi.TimeWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A job as dispatch sees it: where, what skills and certifications it needs, how urgent, when the
 * customer wants the technician to start work ({@code window}, {@code null} = any time in the shift),
 * the SLA deadline for finishing it ({@code null} = none), how long the work takes, and the customer's
 * previous technician ({@code null} = none). Immutable and thread-safe.
 */
public record DispatchJob(JobId id, BranchId branch, GeoPoint location, String jobType,
                          List<SkillRequirement> requiredSkills, Set<String> requiredCertifications,
                          Priority priority, TimeWindow window, Instant slaDeadline, Duration duration,
                          TechnicianId preferredTechnician) {
    /** The longest job accepted. */
    public static final Duration MAX_DURATION = Duration.ofHours(12);

    public DispatchJob {
        Objects.requireNonNull(id, "job id");
        Objects.requireNonNull(branch, "branch of job " + id);
        Objects.requireNonNull(location, "location of job " + id);
        if (jobType == null || !jobType.matches("[A-Z][A-Z0-9_]{0,39}")) {
            throw new IllegalArgumentException("job type of job " + id + " must be UPPER_SNAKE_CASE, was '" + jobType + "'");
        }
        requiredSkills = List.copyOf(Objects.requireNonNull(requiredSkills, "required skills of job " + id));
        Set<String> skillCodes = new HashSet<>();
        for (SkillRequirement r : requiredSkills) {
            if (!skillCodes.add(r.skill())) {
                throw new IllegalArgumentException("job " + id + " requires skill " + r.skill() + " twice");
            }
        }
        requiredCertifications = Set.copyOf(Objects.requireNonNull(requiredCertifications,
                "required certifications of job " + id));
        requiredCertifications.forEach(c -> Codes.require("certification code", c));
        Objects.requireNonNull(priority, "priority of job " + id);
        if (slaDeadline != null) {
            CalendarRange.require(slaDeadline, "SLA deadline of job " + id);
        }
        Objects.requireNonNull(duration, "duration of job " + id);
        if (duration.isNegative() || duration.isZero() || duration.compareTo(MAX_DURATION) > 0) {
            throw new IllegalArgumentException("duration of job " + id + " must be in (0, " + MAX_DURATION
                    + "], was " + duration);
        }
        if (duration.getNano() != 0) {
            throw new IllegalArgumentException("duration of job " + id + " must be whole seconds, was " + duration);
        }
    }

    /**
     * The dispatch view of a created job. The duration is the job's own estimate (the host fills it from
     * its per-job-type table, see {@link JobDurations}); the certifications come from the host's rules.
     */
    public static DispatchJob from(JobEvent.JobCreated created, Set<String> requiredCertifications) {
        Objects.requireNonNull(created, "created");
        return new DispatchJob(created.header().job(), created.branch(), created.site().location(),
                created.jobType(), created.requiredSkills(), requiredCertifications, created.priority(),
                created.window(), created.slaDeadline(), Duration.ofMinutes(created.estimatedMinutes()),
                created.preferredTechnician());
    }

    /** This job taking {@code newDuration} (e.g. running long). */
    public DispatchJob withDuration(Duration newDuration) {
        return new DispatchJob(id, branch, location, jobType, requiredSkills, requiredCertifications, priority,
                window, slaDeadline, newDuration, preferredTechnician);
    }

    /** This job with work to start within {@code newWindow} ({@code null} = any time in the shift), e.g. rescheduled. */
    public DispatchJob withWindow(TimeWindow newWindow) {
        return new DispatchJob(id, branch, location, jobType, requiredSkills, requiredCertifications, priority,
                newWindow, slaDeadline, duration, preferredTechnician);
    }

    /** This job at another priority (e.g. escalated to EMERGENCY). */
    public DispatchJob withPriority(Priority newPriority) {
        return new DispatchJob(id, branch, location, jobType, requiredSkills, requiredCertifications, newPriority,
                window, slaDeadline, duration, preferredTechnician);
    }
}
