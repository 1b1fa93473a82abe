package io.github.geodispatch.customer.internal;
import io.github.geodispatch.customer.CustomerCommand;
import io.github.geodispatch.customer.CustomerDecisions;
import io.github.geodispatch.customer.CustomerEventListener;
import io.github.geodispatch.customer.CustomerRecord;
import io.github.geodispatch.customer.CustomerRejection;
import io.github.geodispatch.customer.CustomerResult;
import io.github.geodispatch.customer.CustomerState;
import io.github.geodispatch.job.IdGenerator;
import io.github.geodispatch.job.Subscription;
import io.github.geodispatch.spi.Actor;
import io.github.geodispatch.spi.CustomerConflictException;
import io.github.geodispatch.spi.CustomerEvent;
import io.github.geodispatch.spi.CustomerEventStore;
import io.github.geodispatch.spi.CustomerHashChain;
import io.github.geodispatch.spi.CustomerId;
import io.github.geodispatch.spi.CustomerStreamId;
import io.github.geodispatch.spi.StoredCustomerEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The record behind {@link CustomerRecord#builder()}, built like the job record's engine: commands on one
 * customer are serialised by one of a fixed set of striped locks, decided by {@link CustomerDecisions} against the
 * stored stream and appended with the expected version; a conflict with another writer is re-read, re-decided
 * and retried up to {@value #MAX_CONFLICT_RETRIES} times. The tenant-wide uniqueness of serials and contract ids
 * is answered by a {@link StoreIndex} brought up to date from the store before each decision. Stored batches
 * are queued under the stream's lock and delivered to listeners by one thread at a time. Thread-safe.
 */
public final class StripedLockCustomerRecord implements CustomerRecord {
    private static final Logger LOG = LoggerFactory.getLogger(StripedLockCustomerRecord.class);
    private static final int STRIPES = 32;
    private static final int MAX_CONFLICT_RETRIES = 8;

    private final CustomerEventStore store;
    private final InstantSource clock;
    private final IdGenerator ids;
    private final StoreIndex index;
    private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];
    /** The head this record wrote last on each stream, with its version: the anchor {@link #verifyHistory} checks. */
    private final Map<CustomerStreamId, Anchor> heads = new ConcurrentHashMap<>();
    private final List<CustomerEventListener> listeners = new CopyOnWriteArrayList<>();
    private final Queue<List<StoredCustomerEvent>> undelivered = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean delivering = new AtomicBoolean();

    private record Anchor(long version, String hash) {}

    public StripedLockCustomerRecord(CustomerEventStore store, InstantSource clock, IdGenerator ids) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.index = new StoreIndex(store);
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new ReentrantLock();
        }
    }

    @Override
    public CustomerResult execute(Actor actor, CustomerCommand command) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(command, "command");
        CustomerStreamId stream = CustomerStreamId.of(actor.tenant(), command.customer());
        ReentrantLock lock = stripes[Math.floorMod(stream.hashCode(), STRIPES)];
        CustomerResult result;
        lock.lock();
        try {
            result = decideAndAppend(stream, actor, command);
        } finally {
            lock.unlock();
        }
        deliver();
        return result;
    }

    /** Runs under the stream's lock. */
    private CustomerResult decideAndAppend(CustomerStreamId stream, Actor actor, CustomerCommand command) {
        for (int attempt = 0; attempt <= MAX_CONFLICT_RETRIES; attempt++) {
            List<CustomerEvent> events = store.readStream(stream);
            CustomerState current = events.isEmpty() ? null : CustomerState.fold(events);
            CustomerDecisions.Decision decision = CustomerDecisions.decide(current, actor, command, clock.instant(),
                    ids::nextEventId, index.of(actor.tenant()));
            if (!decision.isAccepted()) {
                return new CustomerResult.Rejected(command.customer(), decision.rejection());
            }
            if (decision.events().isEmpty()) {
                return new CustomerResult.Accepted(current, List.of());
            }
            List<StoredCustomerEvent> stored;
            try {
                stored = store.append(stream, events.size(), decision.events());
            } catch (CustomerConflictException conflict) {
                LOG.debug("conflict on {} (attempt {}): {}", stream, attempt + 1, conflict.getMessage());
                continue;
            }
            CustomerState next = current;
            for (StoredCustomerEvent s : stored) {
                next = next == null ? CustomerState.of((CustomerEvent.CustomerRegistered) s.event()) : next.apply(s.event());
            }
            heads.put(stream, new Anchor(next.version(), next.headHash()));
            undelivered.add(stored);
            return new CustomerResult.Accepted(next, stored);
        }
        return new CustomerResult.Rejected(command.customer(), new CustomerRejection(
                CustomerRejection.Reason.CONCURRENCY_CONFLICT, "customer " + command.customer() + " kept changing under "
                + (MAX_CONFLICT_RETRIES + 1) + " attempts; re-read it and retry"));
    }

    /** Delivers queued batches in queue order; one thread at a time, the others leave their batches to it. */
    private void deliver() {
        while (!undelivered.isEmpty()) {
            if (!delivering.compareAndSet(false, true)) {
                return;
            }
            try {
                List<StoredCustomerEvent> batch;
                while ((batch = undelivered.poll()) != null) {
                    for (CustomerEventListener listener : listeners) {
                        try {
                            listener.onEvents(batch);
                        } catch (RuntimeException e) {
                            LOG.warn("customer listener {} failed on events at positions {}-{}", listener,
                                    batch.get(0).position(), batch.get(batch.size() - 1).position(), e);
                        }
                    }
                }
            } finally {
                delivering.set(false);
            }
        }
    }

    @Override
    public Optional<CustomerState> customer(Actor actor, CustomerId customer) {
        List<CustomerEvent> events = readable(actor, customer);
        return events.isEmpty() ? Optional.empty() : Optional.of(CustomerState.fold(events));
    }

    @Override
    public List<CustomerEvent> history(Actor actor, CustomerId customer) {
        return readable(actor, customer);
    }

    @Override
    public Optional<Boolean> verifyHistory(Actor actor, CustomerId customer) {
        List<CustomerEvent> events = readable(actor, customer);
        if (events.isEmpty()) {
            return Optional.empty();
        }
        Anchor anchor = heads.get(CustomerStreamId.of(actor.tenant(), customer));
        boolean intact = CustomerHashChain.verifies(events, null) && (anchor == null || anchor.version() > events.size()
                || CustomerHashChain.verifies(events.subList(0, (int) anchor.version()), anchor.hash()));
        return Optional.of(intact);
    }

    /**
     * The stream when {@code actor} may read it, else empty. A stream that no longer folds (tampered with) is
     * readable by tenant-wide staff only, so they can inspect and verify it.
     */
    private List<CustomerEvent> readable(Actor actor, CustomerId customer) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(customer, "customer");
        List<CustomerEvent> events = store.readStream(CustomerStreamId.of(actor.tenant(), customer));
        if (events.isEmpty()) {
            return List.of();
        }
        try {
            return CustomerState.fold(events).visibleTo(actor) ? events : List.of();
        } catch (IllegalArgumentException unfoldable) {
            return actor.branch() == null ? events : List.of();
        }
    }

    @Override
    public Subscription subscribe(CustomerEventListener listener) {
        Objects.requireNonNull(listener, "listener");
        listeners.add(listener);
        AtomicBoolean open = new AtomicBoolean(true);
        return () -> {
            if (open.compareAndSet(true, false)) {
                listeners.remove(listener);
            }
        };
    }

    @Override
    public String toString() {
        return "CustomerRecord{store=" + store + ", listeners=" + listeners.size() + "}";
    }
}
