package io.github.geodispatch.job.internal;
import io.github.geodispatch.job.Rejection;
import io.github.geodispatch.spi.JobEvent;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of deciding a command against a job: the events to append (possibly none, when the command
 * repeats something already recorded), or a rejection. Immutable and thread-safe.
 */
record Decision(List<JobEvent> events, Rejection rejection) {
    public Decision {
        events = List.copyOf(events == null ? List.of() : events);
        if (rejection != null && !events.isEmpty()) {
            throw new IllegalArgumentException("a rejected decision carries no events");
        }
    }

    public static Decision accept(List<JobEvent> events) {
        return new Decision(events, null);
    }

    public static Decision accept(JobEvent event) {
        return new Decision(List.of(event), null);
    }

    /** Accepted, nothing to append: the command's effect is already on the job. */
    public static Decision alreadyDone() {
        return new Decision(List.of(), null);
    }

    public static Decision reject(Rejection.Reason reason, String message) {
        return new Decision(List.of(), Rejection.of(reason, message));
    }

    public boolean isAccepted() {
        return rejection == null;
    }

    public Optional<Rejection> rejectionIfAny() {
        return Optional.ofNullable(rejection);
    }
}
