package io.github.geodispatch.internal;
import io.github.geodispatch.dispatch.Assignment;
import io.github.geodispatch.dispatch.DispatchListener;
import io.github.geodispatch.job.JobCommand;
import io.github.geodispatch.job.JobRecord;
import io.github.geodispatch.spi.Actor;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.TechnicianId;
import io.github.geodispatch.spi.VisitSlot;
import java.util.Objects;

/**
 * Records the dispatch board's decisions on the job record: every assignment becomes a
 * {@code JobCommand.Assign} (so a {@code JobAssigned} event carrying the override reason), every removal a
 * {@code JobCommand.Unassign}, every reschedule a {@code ChangeStatus} to RESCHEDULED carrying the new slot,
 * executed by the acting dispatcher. A refused command throws
 * {@link CommandRejectedException}, which makes the board take the assignment back. Wire it with
 * {@code Dispatcher.builder().listener(new JobRecordDispatchListener(engine))}. Thread-safe.
 */
public final class JobRecordDispatchListener implements DispatchListener {
    private final JobRecord engine;

    public JobRecordDispatchListener(JobRecord engine) {
        this.engine = Objects.requireNonNull(engine, "engine");
    }

    @Override
    public void assigned(Assignment assignment) {
        engine.execute(assignment.by(), new JobCommand.Assign(assignment.job(), assignment.technician(),
                assignment.overrideReason())).orThrow();
    }

    @Override
    public void unassigned(JobId job, TechnicianId technician, String reason, Actor by) {
        engine.execute(by, new JobCommand.Unassign(job, reason)).orThrow();
    }

    @Override
    public void rescheduled(JobId job, VisitSlot slot, String reason, Actor by) {
        engine.execute(by, JobCommand.ChangeStatus.rescheduled(job, reason, slot)).orThrow();
    }
}
