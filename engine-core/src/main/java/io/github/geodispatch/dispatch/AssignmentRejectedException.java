package io.github.geodispatch.dispatch;

import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.TechnicianId;

import java.util.Set;

/**
 * An assignment was refused and nothing changed: the technician breaks hard rules that were not (or
 * cannot be) waived, the slot is gone (another assignment took it first), or the job is already
 * assigned. {@link #reasons()} names the rules; empty when the job was already assigned.
 */
public final class AssignmentRejectedException extends RuntimeException {
    private final JobId job;
    private final TechnicianId technician;
    private final Set<RejectionReason> reasons;

    public AssignmentRejectedException(JobId job, TechnicianId technician, Set<RejectionReason> reasons, String message) {
        super(message);
        this.job = job;
        this.technician = technician;
        this.reasons = Set.copyOf(reasons);
    }

    public JobId job() {
        return job;
    }

    public TechnicianId technician() {
        return technician;
    }

    public Set<RejectionReason> reasons() {
        return reasons;
    }
}
