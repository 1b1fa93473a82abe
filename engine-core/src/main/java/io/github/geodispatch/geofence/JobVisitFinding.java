package io.github.geodispatch.geofence;

import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.TechnicianId;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * What the visit link concluded about a job's arrival or completion from the geofence visits.
 * All variants are immutable records and thread-safe.
 */
public sealed interface JobVisitFinding {
    JobId job();

    TechnicianId technician();

    /** A site visit recorded the job's ARRIVED (the visit is the event's evidence). */
    record ArrivalRecorded(JobId job, TechnicianId technician, FenceId site, Instant enteredAt) implements JobVisitFinding {
        public ArrivalRecorded {
            Objects.requireNonNull(job, "job");
            Objects.requireNonNull(technician, "technician");
            Objects.requireNonNull(site, "site");
            Objects.requireNonNull(enteredAt, "enteredAt");
        }
    }

    /** An ARRIVED entered by hand was confirmed by a visit at the job's site. */
    record ManualArrivalVerified(JobId job, TechnicianId technician, FenceId site, Instant enteredAt) implements JobVisitFinding {
        public ManualArrivalVerified {
            Objects.requireNonNull(job, "job");
            Objects.requireNonNull(technician, "technician");
            Objects.requireNonNull(site, "site");
            Objects.requireNonNull(enteredAt, "enteredAt");
        }
    }

    /**
     * A visit at the job's site began, but it was built from suspect pings ({@code signals}) and the business's
     * {@link SuspectVisitPolicy#REFUSE refuses} such visits: the job's arrival was not recorded from it.
     */
    record ArrivalRefused(JobId job, TechnicianId technician, FenceId site, Instant enteredAt, Set<SpoofSignal> signals)
            implements JobVisitFinding {
        public ArrivalRefused {
            Objects.requireNonNull(job, "job");
            Objects.requireNonNull(technician, "technician");
            Objects.requireNonNull(site, "site");
            Objects.requireNonNull(enteredAt, "enteredAt");
            signals = Set.copyOf(signals);
        }
    }

    /**
     * The job was COMPLETED but no visit of its technician at its site overlaps the assignment (from
     * {@code assignedAt} to {@code completedAt} plus the grace): the evidence a GHOST_VISIT rule reads.
     */
    record CompletedWithoutVisit(JobId job, TechnicianId technician, FenceId site, Instant assignedAt, Instant completedAt)
            implements JobVisitFinding {
        public CompletedWithoutVisit {
            Objects.requireNonNull(job, "job");
            Objects.requireNonNull(technician, "technician");
            Objects.requireNonNull(site, "site");
            Objects.requireNonNull(assignedAt, "assignedAt");
            Objects.requireNonNull(completedAt, "completedAt");
        }
    }
}
