package io.github.geodispatch.job.internal;

import io.github.geodispatch.job.CommandResult;
import io.github.geodispatch.job.OfflineCommand;
import io.github.geodispatch.job.OfflineInbox;
import io.github.geodispatch.job.OfflineOutcome;
import io.github.geodispatch.job.Rejection;
import io.github.geodispatch.spi.Actor;
import io.github.geodispatch.spi.DeviceOrigin;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.StreamId;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@link OfflineInbox} of a {@link StripedLockJobRecord}: held commands per job in device-time order (ties in
 * order of receipt), released when one of them falls due together with every held command of its job with an
 * earlier or equal device time, and a bounded memory of outcomes by job and key. Releases are made by one thread
 * at a time, so a job's released commands are applied in order. Thread-safe: the held commands and outcomes are
 * guarded by one lock, never held while a command is applied or the store read.
 */
final class ReorderingInbox implements OfflineInbox {
    private static final int REMEMBERED_OUTCOMES = 100_000;
    private static final Comparator<Held> DEVICE_ORDER = Comparator.comparing((Held h) -> h.command.deviceTime())
            .thenComparingLong(h -> h.sequence);

    private final StripedLockJobRecord record;
    private final InstantSource clock;
    private final Duration window;
    private final Duration horizon;
    private final Duration skew;
    private final Object lock = new Object();
    private final Object releasing = new Object();
    private final Map<StreamId, List<Held>> held = new HashMap<>();
    private final Map<Key, OfflineOutcome> outcomes = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, OfflineOutcome> eldest) {
            return size() > REMEMBERED_OUTCOMES;
        }
    };
    private long sequence;

    private record Key(StreamId stream, String idempotencyKey) {}

    private record Held(Actor actor, OfflineCommand command, Instant receivedAt, Instant dueAt, long sequence) {
        Key key() {
            return new Key(StreamId.of(actor.tenant(), command.job()), command.idempotencyKey());
        }

        OfflineOutcome outcome(CommandResult result) {
            return new OfflineOutcome(command.job(), command.idempotencyKey(), command.deviceTime(), receivedAt, dueAt,
                    result, false);
        }
    }

    ReorderingInbox(StripedLockJobRecord record, InstantSource clock, Duration window, Duration horizon, Duration skew) {
        this.record = record;
        this.clock = clock;
        this.window = window;
        this.horizon = horizon;
        this.skew = skew;
    }

    @Override
    public OfflineOutcome submit(Actor actor, OfflineCommand command) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(command, "offline command");
        Instant now = clock.instant();
        Key key = new Key(StreamId.of(actor.tenant(), command.job()), command.idempotencyKey());
        Optional<OfflineOutcome> known = known(key);
        if (known.isPresent()) {
            return duplicate(known.get());
        }
        Optional<OfflineOutcome> stored = onStream(key);
        if (stored.isPresent()) {
            return duplicate(remember(key, stored.get()));
        }
        Held h = new Held(actor, command, now, now.plus(window), 0);
        String outOfRange = deviceTimeProblem(command.deviceTime(), now);
        if (outOfRange != null) {
            return remember(key, h.outcome(new CommandResult.Rejected(command.job(),
                    Rejection.of(Rejection.Reason.DEVICE_TIME_OUT_OF_RANGE, outOfRange))));
        }
        synchronized (lock) {
            OfflineOutcome raced = outcomes.get(key);
            if (raced != null) {
                return duplicate(raced);
            }
            h = new Held(actor, command, now, now.plus(window), sequence++);
            held.computeIfAbsent(key.stream(), s -> new ArrayList<>()).add(h);
            outcomes.put(key, h.outcome(null));
        }
        if (window.isZero()) {
            releaseDue();
            return known(key).orElseThrow();
        }
        return h.outcome(null);
    }

    private String deviceTimeProblem(Instant deviceTime, Instant now) {
        if (deviceTime.isAfter(now.plus(skew))) {
            return "device time " + deviceTime + " is " + Duration.between(now, deviceTime) + " ahead of the record's "
                    + "clock (" + now + "); more than the tolerated " + skew;
        }
        if (deviceTime.isBefore(now.minus(horizon))) {
            return "device time " + deviceTime + " is older than the offline horizon of " + horizon + " before " + now;
        }
        return null;
    }

    @Override
    public List<OfflineOutcome> releaseDue() {
        return release(false);
    }

    @Override
    public List<OfflineOutcome> releaseAll() {
        return release(true);
    }

    private List<OfflineOutcome> release(boolean all) {
        synchronized (releasing) {
            Instant now = clock.instant();
            List<Held> due = new ArrayList<>();
            synchronized (lock) {
                for (Iterator<List<Held>> it = held.values().iterator(); it.hasNext(); ) {
                    List<Held> job = it.next();
                    Instant cutoff = null;
                    for (Held h : job) {
                        if (all || !h.dueAt.isAfter(now)) {
                            Instant t = h.command.deviceTime();
                            cutoff = cutoff == null || t.isAfter(cutoff) ? t : cutoff;
                        }
                    }
                    if (cutoff != null) {
                        Instant last = cutoff;
                        List<Held> released = job.stream().filter(h -> !h.command.deviceTime().isAfter(last))
                                .sorted(DEVICE_ORDER).toList();
                        due.addAll(released);
                        job.removeAll(released);
                        if (job.isEmpty()) {
                            it.remove();
                        }
                    }
                }
            }
            List<OfflineOutcome> out = new ArrayList<>(due.size());
            for (Held h : due) {
                DeviceOrigin origin = new DeviceOrigin(h.command.idempotencyKey(), h.command.deviceTime(), h.receivedAt);
                out.add(remember(h.key(), h.outcome(record.applyOffline(h.actor, h.command.command(), origin))));
            }
            return out;
        }
    }

    @Override
    public Optional<OfflineOutcome> outcome(Actor actor, JobId job, String idempotencyKey) {
        Key key = new Key(StreamId.of(actor.tenant(), job), idempotencyKey);
        return known(key).or(() -> onStream(key));
    }

    private Optional<OfflineOutcome> known(Key key) {
        synchronized (lock) {
            return Optional.ofNullable(outcomes.get(key));
        }
    }

    /**
     * The outcome of a key found on the job's stored events (applied before a restart, or by another host): accepted,
     * appending nothing more; its times are the stored origin's.
     */
    private Optional<OfflineOutcome> onStream(Key key) {
        return record.applied(key.stream(), key.idempotencyKey()).map(a -> new OfflineOutcome(key.stream().job(),
                key.idempotencyKey(), a.origin().deviceTime(), a.origin().receivedAt(), a.origin().receivedAt(),
                new CommandResult.Accepted(a.state(), List.of()), false));
    }

    private OfflineOutcome remember(Key key, OfflineOutcome outcome) {
        synchronized (lock) {
            outcomes.put(key, outcome);
        }
        return outcome;
    }

    private static OfflineOutcome duplicate(OfflineOutcome first) {
        return new OfflineOutcome(first.job(), first.idempotencyKey(), first.deviceTime(), first.receivedAt(),
                first.dueAt(), first.result(), true);
    }
}
