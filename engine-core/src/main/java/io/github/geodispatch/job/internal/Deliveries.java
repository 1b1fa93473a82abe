package io.github.geodispatch.job.internal;

import io.github.geodispatch.job.JobEventListener;
import io.github.geodispatch.job.ParkedDelivery;
import io.github.geodispatch.job.RedeliveryPolicy;
import io.github.geodispatch.job.Subscription;
import io.github.geodispatch.spi.StoredEvent;
import io.github.geodispatch.spi.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The job record's listeners and what each still has to receive. Every subscription has its own queue of batches
 * (only its tenant's when it is scoped), filled in each job's version order by {@link #enqueue}, which the record
 * calls under the job's lock. {@link #deliver} hands out batches round by round, one per listener per round, so
 * healthy listeners see batches in the order they were stored; one thread delivers at a time, the others leave
 * their batches to it. A listener that throws keeps its batch at the head of its queue and gets it again after
 * the {@link RedeliveryPolicy}'s back-off (measured on the record's clock, never slept), or is parked once the
 * policy's attempts are spent; the others carry on. Thread-safe.
 */
final class Deliveries {
    private static final Logger LOG = LoggerFactory.getLogger(Deliveries.class);

    private final InstantSource clock;
    private final RedeliveryPolicy policy;
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private final AtomicBoolean delivering = new AtomicBoolean();

    Deliveries(InstantSource clock, RedeliveryPolicy policy) {
        this.clock = clock;
        this.policy = policy;
    }

    Subscription subscribe(TenantId tenant, JobEventListener listener) {
        Delivery delivery = new Delivery(tenant, listener);
        deliveries.add(delivery);
        return delivery;
    }

    /** Queues one append's events for every subscription that wants them. Called under the job's lock. */
    void enqueue(List<StoredEvent> batch) {
        TenantId tenant = batch.get(0).event().header().tenant();
        for (Delivery d : deliveries) {
            if (d.tenant == null || d.tenant.equals(tenant)) {
                d.pending.add(batch);
            }
        }
    }

    /** Delivers what is due; returns at once when another thread is delivering (it will deliver these too). */
    void deliver() {
        while (anyDue(clock.instant())) {
            if (!delivering.compareAndSet(false, true)) {
                return;
            }
            try {
                boolean progress;
                do {
                    progress = false;
                    Instant now = clock.instant();
                    for (Delivery d : deliveries) {
                        progress |= d.deliverOne(now);
                    }
                } while (progress);
            } finally {
                delivering.set(false);
            }
        }
    }

    private boolean anyDue(Instant now) {
        for (Delivery d : deliveries) {
            if (d.isDue(now)) {
                return true;
            }
        }
        return false;
    }

    List<ParkedDelivery> parked() {
        return deliveries.stream().map(Delivery::parked).flatMap(Optional::stream).toList();
    }

    int size() {
        return deliveries.size();
    }

    /** One subscription: its queue, and its failures (guarded by the delivery itself). */
    private final class Delivery implements Subscription {
        final TenantId tenant;
        final JobEventListener listener;
        final Queue<List<StoredEvent>> pending = new ConcurrentLinkedQueue<>();
        private volatile boolean closed;
        private int attempts;
        private Instant retryAt;
        private String lastFailure;
        private Instant parkedAt;

        Delivery(TenantId tenant, JobEventListener listener) {
            this.tenant = tenant;
            this.listener = listener;
        }

        synchronized boolean isDue(Instant now) {
            return !closed && parkedAt == null && (retryAt == null || !retryAt.isAfter(now)) && !pending.isEmpty();
        }

        /** Delivers the head batch if it is due; true when it was taken. Only the delivering thread calls it. */
        boolean deliverOne(Instant now) {
            if (!isDue(now)) {
                return false;
            }
            List<StoredEvent> batch = pending.peek();
            try {
                listener.onEvents(batch);
            } catch (RuntimeException e) {
                failed(batch, now, e);
                return false;
            }
            synchronized (this) {
                pending.poll();
                attempts = 0;
                retryAt = null;
                lastFailure = null;
            }
            return true;
        }

        private synchronized void failed(List<StoredEvent> batch, Instant now, RuntimeException e) {
            attempts++;
            lastFailure = e.toString();
            if (attempts >= policy.maxAttempts()) {
                parkedAt = now;
                LOG.error("listener {} parked after {} failed deliveries of events at positions {}-{}; {} batches wait "
                        + "for it (resume or close its subscription)", listener, attempts, first(batch), last(batch),
                        pending.size(), e);
            } else {
                retryAt = now.plus(policy.backoff(attempts));
                LOG.warn("listener {} failed on events at positions {}-{} (attempt {} of {}); delivering them again "
                        + "from {}", listener, first(batch), last(batch), attempts, policy.maxAttempts(), retryAt, e);
            }
        }

        @Override
        public synchronized Optional<ParkedDelivery> parked() {
            List<StoredEvent> batch = pending.peek();
            if (closed || parkedAt == null || batch == null) {
                return Optional.empty();
            }
            return Optional.of(new ParkedDelivery(this, listener.toString(), tenant, first(batch), last(batch), attempts,
                    lastFailure, parkedAt, pending.size()));
        }

        @Override
        public void resume() {
            synchronized (this) {
                if (parkedAt == null) {
                    return;
                }
                parkedAt = null;
                attempts = 0;
                retryAt = null;
            }
            LOG.info("listener {} resumed with {} batches waiting", listener, pending.size());
            deliver();
        }

        @Override
        public void close() {
            closed = true;
            deliveries.remove(this);
            pending.clear();
        }

        @Override
        public String toString() {
            return "Subscription{" + listener + (tenant == null ? "" : ", tenant " + tenant) + "}";
        }
    }

    private static long first(List<StoredEvent> batch) {
        return batch.get(0).position();
    }

    private static long last(List<StoredEvent> batch) {
        return batch.get(batch.size() - 1).position();
    }
}
