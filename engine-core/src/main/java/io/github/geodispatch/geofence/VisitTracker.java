package io.github.geodispatch.geofence;
import io.github.geodispatch.geofence.internal.H3CoverFenceIndex;
import io.github.geodispatch.geofence.internal.HysteresisVisitTracker;
import io.github.geodispatch.geofence.internal.TrackerSettings;
import io.github.geodispatch.spi.TechnicianId;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Turns technicians' pings into {@link SiteVisit}s with hysteresis: a stay counts once its inside
 * evidence spans the dwell threshold (default 5 min), and ends only after several consecutive outside
 * pings over a minimum time, so one outlying ping neither starts nor ends a visit and a drive-by is not
 * a visit. Pings are held for a short reorder window (default 2 min) so late pings are replayed in time
 * order; later ones are rejected, never misapplied. Visit times are the first and last inside evidence.
 * Ping ids are remembered for the reorder window (at least a minute) before the newest evidence; a
 * replay older than that is rejected as too late, so it changes nothing either way. Pings beyond the
 * clock skew or that far back are not remembered (a re-sent one is rejected again), so a clock far ahead or
 * an old backlog costs no memory.
 *
 * <p>Thread-safe: pings of different technicians may be ingested concurrently (each technician's state
 * has its own lock; there is no global lock); fences may change in the index meanwhile.
 */
public interface VisitTracker {

    /** Ingests one ping. Duplicates and rejected pings change nothing (a rejection is also sent as an event). */
    PingOutcome accept(Ping ping);

    /**
     * The allocation-free form of {@link #accept(Ping)} for high-rate hosts: the same rules, with the
     * position as raw degrees (validated like {@code GeoPoint}) and the time as epoch milliseconds.
     */
    PingOutcome accept(TechnicianId technician, String pingId, long atEpochMillis, double lat, double lng,
                       double accuracyM, boolean mockLocation);

    /**
     * The feed of one technician's pings (created on first use, then the same object until {@link #forgetIdle}
     * lets the technician go): the form for a host that keeps a handle per device, sparing each ping the
     * technician lookup. A handle kept across {@code forgetIdle} still works: it hands its pings on to the
     * technician's new feed.
     */
    TechnicianFeed feed(TechnicianId technician);

    /**
     * Ends the stream for now: replays every held ping and closes every open stay at its last inside
     * evidence (stays long enough become visits). Use at end of input or end of day.
     */
    void flush();

    /**
     * Lets go of every technician whose newest ping is older than {@code before} (or who sent none that was
     * accepted): their held pings are replayed and their open stays closed, as {@link #flush} does, and what the
     * tracker kept to read their next ping (the reorder buffer, recent ping ids, remembered cells, the last
     * position for the spoof signals) is dropped, so that a long-running tracker holds only the technicians of
     * recent weeks, not every one it ever saw. The visit log keeps their visits, but from then on none that
     * ended more than the visit retention before {@code before}. A technician who pings again starts afresh: a
     * ping of theirs older than their last one, or a ping id sent again, is no longer refused as too late or a
     * duplicate. So call it with a time far enough back that no ping will be that old (a day or more for live
     * phones; the audit uses its window).
     *
     * @return how many technicians were let go
     */
    int forgetIdle(Instant before);

    /**
     * The completed visits, each technician's kept for the visit retention (default 35 days) before their newest,
     * and none longer than that before the time last given to {@link #forgetIdle}.
     */
    VisitLog visitLog();

    static Builder builder(FenceIndex index) {
        return new Builder(index);
    }

    /** Configures a {@link VisitTracker}; every setter fails at once on a bad or repeated value. Not thread-safe. */
    final class Builder {
        private final FenceIndex index;
        private InstantSource clock;
        private double maxAccuracyM = Double.NaN;
        private Duration maxClockSkew;
        private Duration dwellThreshold;
        private Duration reorderWindow;
        private Duration exitAfter;
        private int exitPings;
        private double maxSpeedKmh = Double.NaN;
        private int repeatedCoordinatePings;
        private Duration visitRetention;
        private final List<GeofenceListener> listeners = new ArrayList<>();

        private Builder(FenceIndex index) {
            this.index = Objects.requireNonNull(index, "fence index");
        }

        /** The clock for the clock-skew check (default the system clock). */
        public Builder clock(InstantSource clock) {
            this.clock = set(this.clock, Objects.requireNonNull(clock, "clock"), "clock");
            return this;
        }

        /** Pings with worse accuracy are rejected (default 100 m). */
        public Builder maxAccuracyMetres(double metres) {
            if (!Double.isNaN(maxAccuracyM)) {
                throw new IllegalStateException("max accuracy already set to " + maxAccuracyM);
            }
            if (!(metres > 0) || Double.isInfinite(metres)) {
                throw new IllegalArgumentException("max accuracy must be a positive number of metres, was " + metres);
            }
            this.maxAccuracyM = metres;
            return this;
        }

        /** Pings stamped further ahead of the clock are rejected (default 2 min). */
        public Builder maxClockSkew(Duration skew) {
            this.maxClockSkew = set(this.maxClockSkew, positive(skew, "max clock skew"), "max clock skew");
            return this;
        }

        /** Minimum inside-evidence span for a visit (default 5 min). */
        public Builder dwellThreshold(Duration dwell) {
            this.dwellThreshold = set(this.dwellThreshold, positive(dwell, "dwell threshold"), "dwell threshold");
            return this;
        }

        /** How long pings are held to restore time order (default 2 min); later pings are rejected. */
        public Builder reorderWindow(Duration window) {
            Objects.requireNonNull(window, "reorder window");
            if (window.isNegative()) {
                throw new IllegalArgumentException("reorder window must not be negative, was " + window);
            }
            this.reorderWindow = set(this.reorderWindow, window, "reorder window");
            return this;
        }

        /** A stay ends after this many consecutive outside pings (default 3)... */
        public Builder exitPings(int pings) {
            if (exitPings != 0) {
                throw new IllegalStateException("exit pings already set to " + exitPings);
            }
            if (pings < 1 || pings > 100) {
                throw new IllegalArgumentException("exit pings must be 1-100, was " + pings);
            }
            this.exitPings = pings;
            return this;
        }

        /** ...spanning at least this long after the last inside evidence (default 60 s). */
        public Builder exitAfter(Duration after) {
            Objects.requireNonNull(after, "exit after");
            if (after.isNegative()) {
                throw new IllegalArgumentException("exit-after must not be negative, was " + after);
            }
            this.exitAfter = set(this.exitAfter, after, "exit after");
            return this;
        }

        /** Implied speed above this between consecutive pings raises {@link SpoofSignal#IMPOSSIBLE_SPEED} (default 250). */
        public Builder maxSpeedKmh(double kmh) {
            if (!Double.isNaN(maxSpeedKmh)) {
                throw new IllegalStateException("max speed already set to " + maxSpeedKmh);
            }
            if (!(kmh > 0) || Double.isInfinite(kmh)) {
                throw new IllegalArgumentException("max speed must be a positive number of km/h, was " + kmh);
            }
            this.maxSpeedKmh = kmh;
            return this;
        }

        /** This many identical coordinates in a row raise {@link SpoofSignal#REPEATED_COORDINATES} (default 5). */
        public Builder repeatedCoordinatePings(int pings) {
            if (repeatedCoordinatePings != 0) {
                throw new IllegalStateException("repeated-coordinate pings already set to " + repeatedCoordinatePings);
            }
            if (pings < 2) {
                throw new IllegalArgumentException("repeated-coordinate pings must be >= 2, was " + pings);
            }
            this.repeatedCoordinatePings = pings;
            return this;
        }

        /**
         * How long the {@link #visitLog() visit log} keeps a technician's visits: those that ended more than
         * this before the end of the technician's newest visit are forgotten (default 35 days), so a tracker
         * running for months holds a bounded history. Listeners still hear of every visit as it ends.
         */
        public Builder visitRetention(Duration retention) {
            this.visitRetention = set(this.visitRetention, positive(retention, "visit retention"), "visit retention");
            return this;
        }

        /** Adds a listener for live events. */
        public Builder listener(GeofenceListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        public VisitTracker build() {
            if (!(index instanceof H3CoverFenceIndex h3Index)) {
                throw new IllegalArgumentException("the fence index must come from FenceIndex.builder()");
            }
            return new HysteresisVisitTracker(new TrackerSettings(h3Index,
                    clock != null ? clock : InstantSource.system(),
                    Double.isNaN(maxAccuracyM) ? 100 : maxAccuracyM,
                    orDefault(maxClockSkew, Duration.ofMinutes(2)),
                    orDefault(dwellThreshold, Duration.ofMinutes(5)),
                    orDefault(reorderWindow, Duration.ofMinutes(2)),
                    orDefault(exitAfter, Duration.ofSeconds(60)),
                    exitPings != 0 ? exitPings : 3,
                    Double.isNaN(maxSpeedKmh) ? 250 : maxSpeedKmh,
                    repeatedCoordinatePings != 0 ? repeatedCoordinatePings : 5,
                    orDefault(visitRetention, Duration.ofDays(35)),
                    listeners));
        }

        private static long orDefault(Duration value, Duration fallback) {
            return (value != null ? value : fallback).toMillis();
        }

        private static <T> T set(T current, T value, String name) {
            if (current != null) {
                throw new IllegalStateException(name + " already set to " + current);
            }
            return value;
        }

        private static Duration positive(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isZero() || d.isNegative()) {
                throw new IllegalArgumentException(name + " must be positive, was " + d);
            }
            return d;
        }
    }
}
