package io.github.geodispatch.dispatch;
import io.github.geodispatch.spi.Actor;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.TechnicianId;
import io.github.geodispatch.spi.VisitSlot;

/**
 * Told about every change the dispatcher commits, after it is committed, on the thread that made it.
 * This is the seam to the job record ({@code io.github.geodispatch.internal.JobRecordDispatchListener}
 * appends {@code JobAssigned} / {@code JobUnassigned} events). When {@link #assigned} throws, the change is
 * taken back and the exception propagates: a plain {@code assign} frees its slot; an accepted emergency
 * displacement leaves the route and the job it displaced returns to its place (the emergency is told
 * before the displaced job's {@link #unassigned}, which is then never told). Changes already told to
 * {@link #unassigned} are not taken back. Implementations must be thread-safe.
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

    /**
     * A job moved to a new slot agreed with the customer ({@link Schedule#reschedule}); when it moved to another
     * technician, {@link #assigned} was told first. When this throws, the move is taken back. Does nothing by default.
     */
    default void rescheduled(JobId job, VisitSlot slot, String reason, Actor by) {
        // a listener that keeps no record of reschedules has nothing to do
    }
}
