package io.github.geodispatch.job;
import io.github.geodispatch.spi.JobId;

/** Thrown by {@link CommandResult#orThrow()} for a rejected command; carries the typed {@link Rejection}. */
public final class CommandRejectedException extends RuntimeException {
    private final transient Rejection rejection;
    private final JobId job;

    public CommandRejectedException(JobId job, Rejection rejection) {
        super("job " + job + ": " + rejection.reason() + ": " + rejection.message());
        this.job = job;
        this.rejection = rejection;
    }

    public Rejection rejection() {
        return rejection;
    }

    public JobId job() {
        return job;
    }
}
