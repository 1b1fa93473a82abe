package io.github.geodispatch.dispatch;

import io.github.geodispatch.spi.Actor;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.TechnicianId;

/**
 * Told about every change the dispatcher commits, after it is committed, on the thread that made it.
 * This is the seam to the job record: the engine facade appends {@code JobAssigned} /
 * {@code JobUnassigned} events here. Implementations must be thread-safe.
 */
public interface DispatchListener {
    /** Does nothing. */
    DispatchListener NONE = new DispatchListener() {
        @Override
        public void assigned(Assignment assignment) {}

        @Override
        public void unassigned(JobId job, TechnicianId technician, String reason, Actor by) {}
    };

    void assigned(Assignment assignment);

    void unassigned(JobId job, TechnicianId technician, String reason, Actor by);
}
