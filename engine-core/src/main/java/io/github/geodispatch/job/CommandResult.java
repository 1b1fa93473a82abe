package io.github.geodispatch.job;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.StoredEvent;
import java.util.List;
import java.util.Objects;

/**
 * What {@link JobRecord#execute} did with a command: {@link Accepted} with the stored events and the
 * job's new state, or {@link Rejected} with the reason (and nothing changed). Immutable and thread-safe.
 */
public sealed interface CommandResult {

    /** The job the command was about. */
    JobId job();

    boolean isAccepted();

    /** The job's state after the command, or throws {@link CommandRejectedException} naming the rejection. */
    JobState orThrow();

    /**
     * The command was accepted. {@code events} are the events it appended, in order; empty when the command
     * repeated something already on the job (a replayed payment callback, the same proof twice).
     */
    record Accepted(JobState state, List<StoredEvent> events) implements CommandResult {
        public Accepted {
            Objects.requireNonNull(state, "state");
            events = List.copyOf(events);
        }

        @Override
        public JobId job() {
            return state.id();
        }

        @Override
        public boolean isAccepted() {
            return true;
        }

        @Override
        public JobState orThrow() {
            return state;
        }
    }

    /** The command was refused; nothing changed. */
    record Rejected(JobId job, Rejection rejection) implements CommandResult {
        public Rejected {
            Objects.requireNonNull(job, "job");
            Objects.requireNonNull(rejection, "rejection");
        }

        @Override
        public boolean isAccepted() {
            return false;
        }

        @Override
        public JobState orThrow() {
            throw new CommandRejectedException(job, rejection);
        }
    }
}
