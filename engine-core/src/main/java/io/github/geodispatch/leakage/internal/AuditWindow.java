package io.github.geodispatch.leakage.internal;

import io.github.geodispatch.leakage.LeakageMonitor;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A batch audit's retention: once a day of journal time, the monitor lets go of what nothing touched for the audit
 * window before the newest record read ({@link LeakageMonitor#retire}), and the audit's own per-job state follows
 * ({@code alsoForget}). Counts the jobs let go and the most held at once. Not thread-safe (one audit's reading
 * thread).
 */
public final class AuditWindow {
    /** How often (in journal time) the audit lets go of what left the window. */
    private static final Duration RETIRE_EVERY = Duration.ofDays(1);

    private final LeakageMonitor monitor;
    private final Duration window;
    private final Consumer<LeakageMonitor.Retired> alsoForget;
    private Instant next;
    private long jobsLetGo;
    private int peakJobs;

    /**
     * Retains {@code monitor}'s state for {@code window} (positive; a window longer than the journal's span keeps
     * everything), handing what it let go to {@code alsoForget}.
     */
    public AuditWindow(LeakageMonitor monitor, Duration window, Consumer<LeakageMonitor.Retired> alsoForget) {
        this.window = requirePositive(window);
        this.monitor = Objects.requireNonNull(monitor, "monitor");
        this.alsoForget = Objects.requireNonNull(alsoForget, "alsoForget");
    }

    /** {@code window} when it is a positive duration; otherwise throws naming it. */
    public static Duration requirePositive(Duration window) {
        if (window == null || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("the audit window must be a positive duration, was " + window);
        }
        return window;
    }

    public Duration window() {
        return window;
    }

    /** The journal's clock reached {@code time}. */
    public void passed(OffsetDateTime time) {
        if (next != null && time.toEpochSecond() < next.getEpochSecond()) {
            return;
        }
        Instant at = time.toInstant();
        if (next != null) {
            peakJobs = Math.max(peakJobs, monitor.jobsHeld());
            LeakageMonitor.Retired retired = monitor.retire(minusSaturating(at, window));
            alsoForget.accept(retired);
            jobsLetGo += retired.jobs().size();
        }
        next = at.plus(RETIRE_EVERY);
    }

    public long jobsLetGo() {
        return jobsLetGo;
    }

    /** The most jobs the monitor held at once, now included. */
    public int peakJobsHeld() {
        return Math.max(peakJobs, monitor.jobsHeld());
    }

    private static Instant minusSaturating(Instant at, Duration window) {
        Duration room = Duration.between(Instant.MIN, at);
        return window.compareTo(room) >= 0 ? Instant.MIN : at.minus(window);
    }
}
