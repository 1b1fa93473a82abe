package io.github.geodispatch.job;
import io.github.geodispatch.job.internal.RecordSettings;
import io.github.geodispatch.job.internal.StripedLockJobRecord;
import io.github.geodispatch.memory.InMemoryJobEventStore;
import io.github.geodispatch.spi.Actor;
import io.github.geodispatch.spi.JobEvent;
import io.github.geodispatch.spi.JobEventStore;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.Notifier;
import io.github.geodispatch.spi.TenantId;
import java.time.Duration;
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

    /**
     * Registers a listener for every batch of events this engine stores from now on, of every tenant. A listener
     * that throws gets its batch again after a back-off, or is parked, by the {@link RedeliveryPolicy}.
     */
    Subscription subscribe(JobEventListener listener);

    /** Like {@link #subscribe(JobEventListener)}, for the batches of one tenant's jobs only. */
    Subscription subscribe(TenantId tenant, JobEventListener listener);

    /** The listeners parked after failing, with the batch each failed on; empty when every listener is delivered to. */
    List<ParkedDelivery> parkedDeliveries();

    /**
     * Makes the redeliveries whose back-off has passed. Deliveries also happen after every command that stores
     * events; a host whose commands may pause calls this now and then (say every few seconds) so that a listener
     * that failed gets its batch again without waiting for the next command.
     */
    void redeliverDue();

    /** Commands from technicians' phones that were offline: held briefly, applied in device-time order. */
    OfflineInbox offline();

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
        private RedeliveryPolicy redelivery;
        private ArrivalVisits arrivalVisits;
        private PartPricing partPricing;
        private Duration offlineReorderWindow;
        private Duration offlineHorizon;
        private Duration deviceClockSkew;

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

        /** How a listener that throws gets its batch again, and when it is parked; {@link RedeliveryPolicy#defaults()} when not set. */
        public Builder redelivery(RedeliveryPolicy policy) {
            requireUnset("redelivery policy", redelivery, policy);
            this.redelivery = policy;
            return this;
        }

        /**
         * Where ARRIVED looks up the geofence visit that proves it; {@link ArrivalVisits#none()} when not set (then
         * only a dispatcher's override records an arrival). {@code GeoDispatch} sets it to its visit tracker.
         */
        public Builder arrivalVisits(ArrivalVisits visits) {
            requireUnset("arrival visits", arrivalVisits, visits);
            this.arrivalVisits = visits;
            return this;
        }

        /**
         * How a part used on a job is priced before it is recorded ({@link PartPricing#asUsed()} when not set).
         * {@code GeoDispatch} sets it to the contracts' parts cover.
         */
        public Builder partPricing(PartPricing pricing) {
            requireUnset("part pricing", partPricing, pricing);
            this.partPricing = pricing;
            return this;
        }

        /**
         * How long a command queued offline is held after it arrives, so that a phone's commands arriving out of
         * order are applied in device-time order (0-10 min, default 30 s; zero applies each at once).
         */
        public Builder offlineReorderWindow(Duration window) {
            requireUnset("offline reorder window", offlineReorderWindow, window);
            this.offlineReorderWindow = within(window, Duration.ZERO, Duration.ofMinutes(10), "offline reorder window");
            return this;
        }

        /** How old (by device time) a command queued offline may be when it arrives (1 h - 90 days, default 7 days). */
        public Builder offlineHorizon(Duration horizon) {
            requireUnset("offline horizon", offlineHorizon, horizon);
            this.offlineHorizon = within(horizon, Duration.ofHours(1), Duration.ofDays(90), "offline horizon");
            return this;
        }

        /** How far ahead of the record's clock a phone's clock may run (0-1 h, default 2 min). */
        public Builder deviceClockSkew(Duration skew) {
            requireUnset("device clock skew", deviceClockSkew, skew);
            this.deviceClockSkew = within(skew, Duration.ZERO, Duration.ofHours(1), "device clock skew");
            return this;
        }

        public JobRecord build() {
            return new StripedLockJobRecord(new RecordSettings(eventStore(), clock(), notifier(), idGenerator(),
                    closurePolicies(), maxConflictRetries(), redelivery == null ? RedeliveryPolicy.defaults() : redelivery,
                    arrivalVisits == null ? ArrivalVisits.none() : arrivalVisits,
                    partPricing == null ? PartPricing.asUsed() : partPricing,
                    offlineReorderWindow == null ? Duration.ofSeconds(30) : offlineReorderWindow,
                    offlineHorizon == null ? Duration.ofDays(7) : offlineHorizon,
                    deviceClockSkew == null ? Duration.ofMinutes(2) : deviceClockSkew));
        }

        private static Duration within(Duration value, Duration min, Duration max, String name) {
            if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
                throw new IllegalArgumentException(name + " must be " + min + " to " + max + ", was " + value);
            }
            return value;
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
