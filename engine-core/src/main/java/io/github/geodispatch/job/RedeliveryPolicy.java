package io.github.geodispatch.job;

import java.time.Duration;
import java.util.Objects;

/**
 * What happens when a {@link JobEventListener} throws on a batch: the same batch is delivered to it again after a
 * back-off that doubles from {@code firstBackoff} up to {@code maxBackoff}, while its later batches wait behind it
 * (so it still sees each job's events in version order); after {@code maxAttempts} failed deliveries of one batch
 * the listener is parked: it gets nothing until the host {@linkplain Subscription#resume() resumes} it, and
 * {@link JobRecord#parkedDeliveries()} shows it. Other listeners are never held up. The back-off runs on the job
 * record's clock and never blocks a thread: a due redelivery is made by the next command's delivery or by
 * {@link JobRecord#redeliverDue()}. The longest back-off is at most {@link #MAX_BACKOFF}. Immutable and thread-safe.
 */
public record RedeliveryPolicy(int maxAttempts, Duration firstBackoff, Duration maxBackoff) {
    /** The longest back-off accepted: a day (a longer one overflowed the doubling and the retry time). */
    public static final Duration MAX_BACKOFF = Duration.ofDays(1);

    public RedeliveryPolicy {
        if (maxAttempts < 1 || maxAttempts > 100) {
            throw new IllegalArgumentException("max delivery attempts must be 1-100, was " + maxAttempts);
        }
        Objects.requireNonNull(firstBackoff, "first back-off");
        Objects.requireNonNull(maxBackoff, "max back-off");
        if (firstBackoff.isNegative() || maxBackoff.compareTo(firstBackoff) < 0) {
            throw new IllegalArgumentException("back-off must be >= 0 and max >= first, was " + firstBackoff + " to "
                    + maxBackoff);
        }
        if (maxBackoff.compareTo(MAX_BACKOFF) > 0) {
            throw new IllegalArgumentException("max back-off must be at most " + MAX_BACKOFF + ", was " + maxBackoff);
        }
    }

    /** Five attempts, one second doubling up to a minute: a listener down for about 15 s is parked. */
    public static RedeliveryPolicy defaults() {
        return new RedeliveryPolicy(5, Duration.ofSeconds(1), Duration.ofMinutes(1));
    }

    /** How long to wait after the {@code failures}-th failed delivery of a batch (1 for the first). */
    public Duration backoff(int failures) {
        Duration wait = firstBackoff;
        for (int i = 1; i < failures && wait.compareTo(maxBackoff) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
