package io.github.geodispatch.journal.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.function.IntSupplier;
import java.util.function.ToIntFunction;

/**
 * A batch audit's retention: once a day of journal time, the audit lets go of the jobs done and untouched for the
 * audit window before the newest record read ({@code retire}, given that cut, lets them go and says how many; the
 * leakage monitor's {@code retire} with the audit's own per-job state, or the journal importer's). Counts the jobs let
 * go and the most held at once ({@code held}). Not thread-safe (one audit's reading thread).
 */
public final class AuditWindow {
    /** How often (in journal time) the audit lets go of what left the window. */
    private static final Duration RETIRE_EVERY = Duration.ofDays(1);

    private final Duration window;
    private final ToIntFunction<Instant> retire;
    private final IntSupplier held;
    private Instant next;
    private long jobsLetGo;
    private int peakJobs;

    /**
     * Retains jobs for {@code window} (positive; a window longer than the journal's span keeps everything):
     * {@code retire} lets go of the jobs done and untouched since the instant it is given and returns how many;
     * {@code held} counts the jobs held now.
     */
    public AuditWindow(Duration window, ToIntFunction<Instant> retire, IntSupplier held) {
        this.window = requirePositive(window);
        this.retire = Objects.requireNonNull(retire, "retire");
        this.held = Objects.requireNonNull(held, "held");
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
            peakJobs = Math.max(peakJobs, held.getAsInt());
            jobsLetGo += retire.applyAsInt(minusSaturating(at, window));
        }
        next = at.plus(RETIRE_EVERY);
    }

    public long jobsLetGo() {
        return jobsLetGo;
    }

    /** The most jobs held at once, now included (sampled before each retirement). */
    public int peakJobsHeld() {
        return Math.max(peakJobs, held.getAsInt());
    }

    private static Instant minusSaturating(Instant at, Duration window) {
        Duration room = Duration.between(Instant.MIN, at);
        return window.compareTo(room) >= 0 ? Instant.MIN : at.minus(window);
    }
}
