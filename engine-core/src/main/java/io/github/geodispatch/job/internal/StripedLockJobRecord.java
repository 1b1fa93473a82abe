package io.github.geodispatch.job.internal;
import io.github.geodispatch.job.CommandResult;
import io.github.geodispatch.job.HistoryVerification;
import io.github.geodispatch.job.IdGenerator;
import io.github.geodispatch.job.JobCommand;
import io.github.geodispatch.job.JobEventListener;
import io.github.geodispatch.job.JobRecord;
import io.github.geodispatch.job.JobState;
import io.github.geodispatch.job.OfflineInbox;
import io.github.geodispatch.job.ParkedDelivery;
import io.github.geodispatch.job.Rejection;
import io.github.geodispatch.job.Subscription;
import io.github.geodispatch.spi.Actor;
import io.github.geodispatch.spi.ConcurrencyConflictException;
import io.github.geodispatch.spi.DeviceOrigin;
import io.github.geodispatch.spi.HashChain;
import io.github.geodispatch.spi.JobEvent;
import io.github.geodispatch.spi.JobEventStore;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.JobStatus;
import io.github.geodispatch.spi.Notifier;
import io.github.geodispatch.spi.Role;
import io.github.geodispatch.spi.StoredEvent;
import io.github.geodispatch.spi.StreamId;
import io.github.geodispatch.spi.TechnicianId;
import io.github.geodispatch.spi.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * The engine behind {@link JobRecord#builder()}: commands on one job are serialised by one of a fixed
 * set of striped locks (so this engine never conflicts with itself), decided against the stored stream, and
 * appended with the expected version (so a conflict with another writer of the store is re-read, re-decided
 * and retried a bounded number of times). The state after its own last write or read of a job is kept (bounded
 * LRU) and reused while the store still reports that version, so neither a command nor a read ({@code job},
 * {@code history}) refolds the whole stream; verification always folds the stream as stored. Stored
 * batches are queued for each listener under the same lock, so each queue holds each job's batches in version
 * order, and drained by one thread at a time ({@link Deliveries}). Thread-safe.
 */
public final class StripedLockJobRecord implements JobRecord {
    private static final Logger LOG = LoggerFactory.getLogger(StripedLockJobRecord.class);
    private static final int STRIPES = 64;
    private static final int REMEMBERED_HEADS = 100_000;
    private static final int CACHED_STATES = 10_000;

    private final JobEventStore store;
    private final InstantSource clock;
    private final Notifier notifier;
    private final IdGenerator ids;
    private final JobDecider decider;
    private final int maxConflictRetries;
    private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];
    /** The version and head hash of every stream this engine wrote (most recently used kept): trusted anchors. */
    private final Map<StreamId, Anchor> heads = lru(REMEMBERED_HEADS);
    /** The state after this engine's last write or read of a stream; used while the stream's version is unchanged. */
    private final Map<StreamId, JobState> states = lru(CACHED_STATES);
    private final Deliveries deliveries;
    private final ReorderingInbox offline;

    public StripedLockJobRecord(RecordSettings settings) {
        this.store = settings.store();
        this.clock = settings.clock();
        this.notifier = settings.notifier();
        this.ids = settings.ids();
        this.decider = new JobDecider(settings.closurePolicies(), settings.arrivalVisits(), settings.partPricing());
        this.maxConflictRetries = settings.maxConflictRetries();
        this.deliveries = new Deliveries(clock, settings.redelivery());
        this.offline = new ReorderingInbox(this, clock, settings.offlineReorderWindow(), settings.offlineHorizon(),
                settings.deviceClockSkew());
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new ReentrantLock();
        }
    }

    @Override
    public CommandResult execute(Actor actor, JobCommand command) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(command, "command");
        return run(actor, command, null);
    }

    /** Decides and appends a command a phone queued offline (see {@link ReorderingInbox}). */
    CommandResult applyOffline(Actor actor, JobCommand command, DeviceOrigin origin) {
        return run(actor, command, origin);
    }

    private CommandResult run(Actor actor, JobCommand command, DeviceOrigin origin) {
        StreamId stream = StreamId.of(actor.tenant(), command.job());
        ReentrantLock lock = stripes[Math.floorMod(stream.hashCode(), STRIPES)];
        CommandResult result;
        lock.lock();
        try {
            result = decideAndAppend(stream, actor, command, origin);
        } finally {
            lock.unlock();
        }
        if (result instanceof CommandResult.Accepted accepted && !accepted.events().isEmpty()) {
            deliveries.deliver();
            notifyPeople(accepted);
        }
        return result;
    }

    /**
     * Runs under the stream's lock. An offline command ({@code origin} set) whose key is already on the stream (a
     * retry that reached another host first) is accepted with nothing appended; the check is repeated after
     * every conflict, since the conflicting writer may have been that host.
     */
    private CommandResult decideAndAppend(StreamId stream, Actor actor, JobCommand command, DeviceOrigin origin) {
        for (int attempt = 0; attempt <= maxConflictRetries; attempt++) {
            JobState current;
            if (origin == null) {
                current = current(stream);
            } else {
                List<JobEvent> events = store.readStream(stream);
                current = events.isEmpty() ? null : JobState.fold(events);
                if (origin(events, origin.idempotencyKey()) != null) {
                    return new CommandResult.Accepted(current, List.of());
                }
            }
            Decision decision = decider.decide(current, actor, command, clock.instant(), origin, ids::nextEventId);
            if (!decision.isAccepted()) {
                return new CommandResult.Rejected(command.job(), decision.rejection());
            }
            if (decision.events().isEmpty()) {
                return new CommandResult.Accepted(current, List.of());
            }
            List<StoredEvent> stored;
            try {
                stored = store.append(stream, current == null ? 0 : current.version(), decision.events());
            } catch (ConcurrencyConflictException conflict) {
                LOG.debug("conflict on {} (attempt {}): {}", stream, attempt + 1, conflict.getMessage());
                continue;
            }
            JobState next = current;
            for (StoredEvent s : stored) {
                next = next == null ? JobState.fold(List.of(s.event())) : next.apply(s.event());
            }
            synchronized (heads) {
                heads.put(stream, new Anchor(next.version(), next.headHash()));
                states.put(stream, next);
            }
            deliveries.enqueue(stored);
            return new CommandResult.Accepted(next, stored);
        }
        return new CommandResult.Rejected(command.job(), Rejection.of(Rejection.Reason.CONCURRENCY_CONFLICT,
                "job " + command.job() + " kept changing under " + (maxConflictRetries + 1)
                        + " attempts; re-read it and retry"));
    }

    /** The device origin of the first of {@code events} queued offline with {@code idempotencyKey}, or null. */
    private static DeviceOrigin origin(List<JobEvent> events, String idempotencyKey) {
        for (JobEvent e : events) {
            DeviceOrigin o = e.header().origin();
            if (o != null && o.idempotencyKey().equals(idempotencyKey)) {
                return o;
            }
        }
        return null;
    }

    /** A stream's state and the origin of its events carrying one idempotency key. */
    record Applied(JobState state, DeviceOrigin origin) {}

    /** The job as it is and the origin of the stored events queued offline with {@code idempotencyKey}, if any. */
    Optional<Applied> applied(StreamId stream, String idempotencyKey) {
        List<JobEvent> events = store.readStream(stream);
        DeviceOrigin origin = origin(events, idempotencyKey);
        return origin == null ? Optional.empty() : Optional.of(new Applied(JobState.fold(events), origin));
    }

    @Override
    public OfflineInbox offline() {
        return offline;
    }

    /** The stream's current state: the cached one while the store is still at its version, else a fresh fold. */
    private JobState current(StreamId stream) {
        JobState cached = cached(stream);
        if (cached != null && store.version(stream) == cached.version()) {
            return cached;
        }
        return stateOf(stream, store.readStream(stream));
    }

    /**
     * The state of {@code events}, the stream as just read (not empty): the cached state when it is at the same
     * version, else their fold, cached. Reads of a job (its state, its history) then cost a lookup instead of a
     * fold that re-hashes the stream's last event and walks all of them.
     */
    private JobState stateOf(StreamId stream, List<JobEvent> events) {
        if (events.isEmpty()) {
            return null;
        }
        JobState cached = cached(stream);
        if (cached != null && cached.version() == events.size()) {
            return cached;
        }
        JobState folded = JobState.fold(events);
        synchronized (heads) {
            JobState known = states.get(stream);
            if (known == null || known.version() <= folded.version()) {
                states.put(stream, folded);
            }
        }
        return folded;
    }

    private JobState cached(StreamId stream) {
        synchronized (heads) {
            return states.get(stream);
        }
    }

    private static <V> Map<StreamId, V> lru(int capacity) {
        return new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<StreamId, V> eldest) {
                return size() > capacity;
            }
        };
    }

    private void notifyPeople(CommandResult.Accepted accepted) {
        JobState job = accepted.state();
        for (StoredEvent stored : accepted.events()) {
            JobEvent event = stored.event();
            try {
                if (event instanceof JobEvent.JobAssigned assigned) {
                    tell(assigned.technician(), "New job " + job.id(), job.jobType() + " at "
                            + job.site().address() + ": " + job.issue());
                } else if (event instanceof JobEvent.JobUnassigned unassigned) {
                    tell(unassigned.technician(), "Job " + job.id() + " taken off you", unassigned.reason());
                } else if (event instanceof JobEvent.StatusChanged changed && job.technician() != null
                        && (changed.status() == JobStatus.CANCELLED || changed.status() == JobStatus.RESCHEDULED)) {
                    tell(job.technician(), "Job " + job.id() + " " + changed.status(), changed.reason());
                }
            } catch (RuntimeException e) {
                LOG.warn("notifier failed for event {} of job {}", event.header().eventId(), job.id(), e);
            }
        }
    }

    private void tell(TechnicianId technician, String subject, String body) {
        notifier.notify(technician.value(), subject, body);
    }

    @Override
    public Optional<JobState> job(Actor actor, JobId job) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(job, "job");
        StreamId stream = StreamId.of(actor.tenant(), job);
        JobState state = stateOf(stream, store.readStream(stream));
        return state != null && state.visibleTo(actor) ? Optional.of(state) : Optional.empty();
    }

    @Override
    public List<JobEvent> history(Actor actor, JobId job) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(job, "job");
        StreamId stream = StreamId.of(actor.tenant(), job);
        List<JobEvent> events = store.readStream(stream);
        return mayRead(actor, events, read -> stateOf(stream, read)) ? events : List.of();
    }

    @Override
    public Optional<HistoryVerification> verifyHistory(Actor actor, JobId job) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(job, "job");
        StreamId stream = StreamId.of(actor.tenant(), job);
        Anchor remembered;
        synchronized (heads) {
            remembered = heads.get(stream);
        }
        List<JobEvent> events = store.readStream(stream);
        return mayRead(actor, events, JobState::fold) ? Optional.of(verify(stream, events, remembered)) : Optional.empty();
    }

    @Override
    public Optional<HistoryVerification> verifyHistory(Actor actor, JobId job, String trustedHead) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(job, "job");
        if (trustedHead == null || !trustedHead.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("trusted head must be 64 lower-case hex chars, was " + trustedHead);
        }
        StreamId stream = StreamId.of(actor.tenant(), job);
        List<JobEvent> events = store.readStream(stream);
        if (!mayRead(actor, events, JobState::fold)) {
            return Optional.empty();
        }
        long version = events.size(); // not found: the head is expected at the end, and the last event fails
        for (int i = 0; i < events.size(); i++) {
            if (HashChain.hash(events.get(i)).equals(trustedHead)) {
                version = i + 1;
                break;
            }
        }
        return Optional.of(verify(stream, events, new Anchor(version, trustedHead)));
    }

    /**
     * The chain must verify and, when an anchor is known, the event at the anchor's version must still hash to
     * the anchor's hash (events appended since by other writers are covered by the chain only).
     */
    private static HistoryVerification verify(StreamId stream, List<JobEvent> events, Anchor anchor) {
        OptionalInt broken = HashChain.firstBroken(events);
        if (broken.isEmpty() && anchor != null) {
            List<JobEvent> upToAnchor = events.size() <= anchor.version() ? events
                    : events.subList(0, (int) anchor.version());
            broken = HashChain.firstBroken(upToAnchor, anchor.hash());
        }
        return new HistoryVerification(stream.job(), events.size(), broken, HashChain.head(events), anchor != null);
    }

    /** A stream's version and the hash of its event at that version, as known outside the store. */
    private record Anchor(long version, String hash) {}

    /**
     * Whether {@code actor} may read a stream of its tenant. A stream that no longer folds (it was tampered
     * with) is readable by tenant-wide staff only, so they can inspect and verify it. {@code state} folds the
     * events (verification folds them as stored, never from the cache).
     */
    private static boolean mayRead(Actor actor, List<JobEvent> events, Function<List<JobEvent>, JobState> state) {
        if (events.isEmpty()) {
            return false;
        }
        try {
            return state.apply(events).visibleTo(actor);
        } catch (IllegalArgumentException unfoldable) {
            return actor.branch() == null && actor.role() != Role.TECHNICIAN;
        }
    }

    @Override
    public Subscription subscribe(JobEventListener listener) {
        return deliveries.subscribe(null, Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public Subscription subscribe(TenantId tenant, JobEventListener listener) {
        return deliveries.subscribe(Objects.requireNonNull(tenant, "tenant"), Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public List<ParkedDelivery> parkedDeliveries() {
        return deliveries.parked();
    }

    @Override
    public void redeliverDue() {
        deliveries.deliver();
    }

    @Override
    public JobId newJobId() {
        return ids.nextJobId();
    }

    @Override
    public String toString() {
        return "JobRecord{store=" + store + ", listeners=" + deliveries.size() + "}";
    }
}
