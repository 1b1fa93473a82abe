package io.github.geodispatch.job;
import io.github.geodispatch.job.internal.StripedLockJobRecord;
import io.github.geodispatch.memory.InMemoryJobEventStore;
import io.github.geodispatch.spi.Actor;
import io.github.geodispatch.spi.JobEvent;
import io.github.geodispatch.spi.JobEventStore;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.Notifier;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The facade a host embeds: commands in, typed results out, over one {@link JobEventStore}. Build one with
 * {@link #builder()}. Each capability beyond the job record (geofence, dispatch, payments, billing, insight)
 * is reached through its own accessor on this interface, so this type stays a short table of contents.
 *
 * <p>Every call carries an {@link Actor}; reads and writes never cross the actor's tenant, a technician acts
 * only on jobs assigned to them, and an illegal or unauthorised command is {@link CommandResult.Rejected
 * rejected} without changing anything. Commands are decided against the job's stored stream and appended
 * with the expected version: commands on one job from this engine are serialised, and a conflict with
 * another writer of the same store is retried by re-reading and re-deciding, then reported as
 * {@link io.github.geodispatch.job.Rejection.Reason#CONCURRENCY_CONFLICT}.
 *
 * <p>Thread-safe: any number of threads may call an engine at once.
 */
public interface JobRecord {

    /** A new builder: every setting is optional, each may be set once. */
    static Builder builder() {
        return new Builder();
    }

    /** Decides {@code command} for {@code actor} and, when accepted, stores its events and tells listeners. */
    CommandResult execute(Actor actor, JobCommand command);

    /** The job's current state, or empty when it does not exist in the actor's tenant or the actor may not see it. */
    Optional<JobState> job(Actor actor, JobId job);

    /** The job's events in version order, or empty when the actor may not see the job. */
    List<JobEvent> history(Actor actor, JobId job);

    /**
     * Checks the job's stored history for tampering: the hash chain and, when this engine remembers its last
     * write of the job, that the event it wrote then still hashes to the head it recorded (so an edit of the
     * last event shows too). Empty when the actor may not see the job.
     */
    Optional<HistoryVerification> verifyHistory(Actor actor, JobId job);

    /**
     * Checks the job's stored history against {@code trustedHead}, a {@link JobState#headHash()} kept outside
     * the store (on a receipt, in the accounts system): the chain must verify and still contain an event with
     * that hash, so an edit of any event up to that head, the last included, shows.
     */
    Optional<HistoryVerification> verifyHistory(Actor actor, JobId job, String trustedHead);

    /** Registers a listener for every batch of events this engine stores from now on. */
    Subscription subscribe(JobEventListener listener);

    /** A fresh job id from the engine's {@link IdGenerator}. */
    JobId newJobId();

    /**
     * Configures and builds a {@link JobRecord}. Each setter rejects null and a second call at once, with
     * a message naming the setting. Not thread-safe; build once and share the engine.
     */
    final class Builder {
        static final int DEFAULT_MAX_CONFLICT_RETRIES = 8;

        private JobEventStore eventStore;
        private InstantSource clock;
        private Notifier notifier;
        private ClosurePolicies closurePolicies;
        private IdGenerator idGenerator;
        private int maxConflictRetries = -1;

        private Builder() {}

        /** Where job streams live; an {@link InMemoryJobEventStore} when not set. */
        public Builder eventStore(JobEventStore store) {
            requireUnset("event store", eventStore, store);
            this.eventStore = store;
            return this;
        }

        /** The clock of event timestamps; the system clock when not set. */
        public Builder clock(InstantSource clock) {
            requireUnset("clock", this.clock, clock);
            this.clock = clock;
            return this;
        }

        /** Who tells technicians about assignments, cancellations and reschedules; nobody when not set. */
        public Builder notifier(Notifier notifier) {
            requireUnset("notifier", this.notifier, notifier);
            this.notifier = notifier;
            return this;
        }

        /** The proof each job type needs before COMPLETED and CLOSED; {@link ClosurePolicies#defaults()} when not set. */
        public Builder closurePolicies(ClosurePolicies policies) {
            requireUnset("closure policies", closurePolicies, policies);
            this.closurePolicies = policies;
            return this;
        }

        /** Where event and job ids come from; {@link IdGenerator#random()} when not set. */
        public Builder idGenerator(IdGenerator ids) {
            requireUnset("id generator", idGenerator, ids);
            this.idGenerator = ids;
            return this;
        }

        /** How often a command is re-decided after a version conflict before it is reported (0-100, default 8). */
        public Builder maxConflictRetries(int retries) {
            if (maxConflictRetries >= 0) {
                throw new IllegalStateException("max conflict retries was already set to " + maxConflictRetries);
            }
            if (retries < 0 || retries > 100) {
                throw new IllegalArgumentException("max conflict retries must be 0-100, was " + retries);
            }
            this.maxConflictRetries = retries;
            return this;
        }

        public JobRecord build() {
            return new StripedLockJobRecord(eventStore(), clock(), notifier(), idGenerator(), closurePolicies(),
                    maxConflictRetries());
        }

        private JobEventStore eventStore() {
            return eventStore == null ? new InMemoryJobEventStore() : eventStore;
        }

        private InstantSource clock() {
            return clock == null ? InstantSource.system() : clock;
        }

        private Notifier notifier() {
            return notifier == null ? Notifier.none() : notifier;
        }

        private ClosurePolicies closurePolicies() {
            return closurePolicies == null ? ClosurePolicies.defaults() : closurePolicies;
        }

        private IdGenerator idGenerator() {
            return idGenerator == null ? IdGenerator.random() : idGenerator;
        }

        private int maxConflictRetries() {
            return maxConflictRetries < 0 ? DEFAULT_MAX_CONFLICT_RETRIES : maxConflictRetries;
        }

        private static void requireUnset(String name, Object current, Object value) {
            Objects.requireNonNull(value, name);
            if (current != null) {
                throw new IllegalStateException(name + " was already set to " + current);
            }
        }
    }
}
