package io.github.geodispatch.geofence.internal;
import io.github.geodispatch.geofence.Fence;
import io.github.geodispatch.geofence.GeofenceEvent;
import io.github.geodispatch.geofence.GeofenceListener;
import io.github.geodispatch.geofence.Ping;
import io.github.geodispatch.geofence.PingOutcome;
import io.github.geodispatch.geofence.SiteVisit;
import io.github.geodispatch.geofence.SpoofSignal;
import io.github.geodispatch.geofence.TechnicianFeed;
import io.github.geodispatch.geofence.VisitLog;
import io.github.geodispatch.geofence.VisitTracker;
import io.github.geodispatch.spi.GeoPoint;
import io.github.geodispatch.spi.TechnicianId;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link VisitTracker} with a per-technician reorder buffer and per-fence stays ("tracks") driven by
 * count-and-time hysteresis. The steady ping path allocates nothing: primitive buffers, a reusable
 * point probe remembering its recent cells, and events are created only when something is reported.
 * Thread-safe: one lock per technician, none global.
 */
public final class HysteresisVisitTracker implements VisitTracker {

    private final H3CoverFenceIndex index;
    private final InstantSource clock;
    private final double maxAccuracyM;
    private final long maxSkewMillis;
    private final long dwellMillis;
    private final long reorderMillis;
    /** Ping ids are remembered this long before the newest evidence; older replays are too late anyway. */
    private final long dedupeMillis;
    private final long exitAfterMillis;
    private final int exitPings;
    private final double maxSpeedMps;
    private final int repeatedPings;
    private final GeofenceListener[] listeners;
    private final InMemoryVisitLog log;
    private final ConcurrentHashMap<TechnicianId, TechnicianState> technicians = new ConcurrentHashMap<>();

    public HysteresisVisitTracker(TrackerSettings settings) {
        this.index = settings.index();
        this.clock = settings.clock();
        this.maxAccuracyM = settings.maxAccuracyM();
        this.maxSkewMillis = settings.maxSkewMillis();
        this.dwellMillis = settings.dwellMillis();
        this.reorderMillis = settings.reorderMillis();
        this.dedupeMillis = Math.max(reorderMillis, Duration.ofMinutes(1).toMillis());
        this.exitAfterMillis = settings.exitAfterMillis();
        this.exitPings = settings.exitPings();
        this.maxSpeedMps = settings.maxSpeedKmh() / 3.6;
        this.repeatedPings = settings.repeatedCoordinatePings();
        this.listeners = settings.listeners().toArray(new GeofenceListener[0]);
        this.log = new InMemoryVisitLog(Duration.ofMillis(settings.visitRetentionMillis()));
    }

    @Override
    public PingOutcome accept(Ping ping) {
        Objects.requireNonNull(ping, "ping");
        return accept(ping.technician(), ping.pingId(), ping.at().toEpochMilli(), ping.point().lat(), ping.point().lng(),
                ping.accuracyM(), ping.mockLocation());
    }

    @Override
    public PingOutcome accept(TechnicianId technician, String pingId, long atMillis, double lat, double lng,
                              double accuracyM, boolean mockLocation) {
        return feed(technician).accept(pingId, atMillis, lat, lng, accuracyM, mockLocation);
    }

    @Override
    public TechnicianFeed feed(TechnicianId technician) {
        Objects.requireNonNull(technician, "technician");
        TechnicianState state = technicians.get(technician);
        return state != null ? state : technicians.computeIfAbsent(technician, TechnicianState::new);
    }

    @Override
    public void flush() {
        for (TechnicianState state : technicians.values()) {
            state.flush();
        }
    }

    @Override
    public int forgetIdle(Instant before) {
        Objects.requireNonNull(before, "before");
        long cut = before.isBefore(Instant.ofEpochMilli(Long.MIN_VALUE)) ? Long.MIN_VALUE
                : before.isAfter(Instant.ofEpochMilli(Long.MAX_VALUE)) ? Long.MAX_VALUE : before.toEpochMilli();
        int forgotten = 0;
        for (TechnicianState state : technicians.values()) {
            if (state.forgetIfIdle(cut)) {
                forgotten++;
            }
        }
        log.forgetBefore(before);
        return forgotten;
    }

    /** How many technicians' states the tracker holds (what {@link #forgetIdle} keeps small). */
    int techniciansHeld() {
        return technicians.size();
    }

    /** How many technicians' visit histories the log holds. */
    int historiesHeld() {
        return log.techniciansHeld();
    }

    @Override
    public VisitLog visitLog() {
        return log;
    }

    private void emit(GeofenceEvent event) {
        for (GeofenceListener l : listeners) {
            l.onEvent(event);
        }
    }

    /**
     * One technician's ingestion state. Guarded by its own monitor. It is its own ping-id memory and point
     * probe (extends {@link RecentPingIds}, which extends {@link CachingProbe}) so that a ping's ids,
     * position, remembered cells and state share one object: each layer as a separate object would put one
     * more dependent memory load on every ping (see {@link RecentPingIds}).
     */
    final class TechnicianState extends RecentPingIds implements TechnicianFeed {
        private final TechnicianId technician;

        // reorder buffer: a ring sorted by time from its head, stride 4: {at (exact as a double), lat, lng, mock 0/1}
        private double[] buf = new double[8 * 4]; // grows as needed; small keeps a ping's cache lines few
        private int head;
        private int buffered;
        private long maxSeenAt = Long.MIN_VALUE;
        private long lastProcessedAt = Long.MIN_VALUE;
        /** A clock reading no later than now: a ping within the skew of it needs no clock read (clocks move forward). */
        private long knownNow = Long.MIN_VALUE / 2;

        // previous evidence ping, for spoof signals
        private double prevLat = Double.NaN;
        private double prevLng = Double.NaN;
        private double prevX, prevY, prevZ;
        private int sameCoordinates;
        private boolean inMockRun;
        /** Signals the ping being processed raised, to be marked on the stays it is inside (bits as in a stay's flags). */
        private long raised;

        // open stays, one per fence: the fence (once the stay is confirmed), and {firstIn, lastIn, in, out,
        // outStreak, flags, fence serial} in one array, so a ping matches its stays without touching fence objects
        private static final int FIRST_IN = 0, LAST_IN = 1, IN = 2, OUT = 3, STREAK = 4, FLAGS = 5, SERIAL = 6, TRACK = 7;
        private static final long CONFIRMED = 1, SEEN = 2;
        /** A stay's spoof signals sit in its flags from this bit on, one bit per {@link SpoofSignal} ordinal. */
        private static final int SIGNAL_SHIFT = 2;
        private static final SpoofSignal[] SIGNALS = SpoofSignal.values();
        /** Up to this many open stays a ping's fences are matched to them by a scan; above, by {@link #stayBySerial}. */
        private static final int SCAN_LIMIT = 16;
        private CompiledFence[] trackFence = new CompiledFence[4];
        private long[] track = new long[4 * TRACK];
        private int tracks;
        /**
         * The open stays by fence serial, while there are more than {@link #SCAN_LIMIT} (on a campus every job's
         * fence overlaps the others, and a scan per fence a ping is in would cost the square of the stays):
         * open addressing with linear probing, each slot a stay's index + 1 (0 is empty), at most half full.
         * Null while a scan is cheaper.
         */
        private int[] stayBySerial;
        /** Let go by {@link #forgetIdle}: pings handed to this state go on to the technician's new one. */
        private boolean forgotten;

        TechnicianState(TechnicianId technician) {
            this.technician = technician;
        }

        @Override
        public TechnicianId technician() {
            return technician;
        }

        @Override
        public synchronized PingOutcome accept(String pingId, long at, double lat, double lng, double accuracyM,
                                               boolean mock) {
            Objects.requireNonNull(pingId, "ping id");
            if (forgotten) {
                return feed(technician).accept(pingId, at, lat, lng, accuracyM, mock);
            }
            if (!inRange(lat, lng) || !Double.isFinite(accuracyM) || accuracyM < 0) {
                throw invalid(pingId, lat, lng, accuracyM);
            }
            // the rejections that would make the remembered ids unbounded (a clock far ahead, an old backlog) come
            // first and are not remembered; ids are kept from dedupeMillis before the newest evidence on
            long horizon = lastProcessedAt == Long.MIN_VALUE ? Long.MIN_VALUE : lastProcessedAt - dedupeMillis;
            PingOutcome outcome;
            if (at > knownNow + maxSkewMillis && at > (knownNow = clock.millis()) + maxSkewMillis) {
                outcome = PingOutcome.REJECTED_CLOCK_SKEW;
            } else if (at < horizon) {
                outcome = PingOutcome.REJECTED_TOO_LATE;
            } else if (!addIfAbsent(pingId, at, horizon)) {
                return PingOutcome.DUPLICATE;
            } else if (accuracyM > maxAccuracyM) {
                outcome = PingOutcome.REJECTED_ACCURACY;
            } else if (at < lastProcessedAt) {
                outcome = PingOutcome.REJECTED_TOO_LATE;
            } else {
                buffer(at, lat, lng, mock);
                if (at > maxSeenAt) {
                    maxSeenAt = at;
                }
                releaseUpTo(maxSeenAt - reorderMillis);
                return PingOutcome.ACCEPTED;
            }
            if (listeners.length > 0) {
                emitRejected(pingId, at, outcome);
            }
            return outcome;
        }

        // The rarely taken branches of the ping path (errors, events, growth) are methods of their own, so the
        // hot methods' bytecode is the ping path and little else.

        private static boolean inRange(double lat, double lng) {
            return Double.isFinite(lat) && lat >= -90 && lat <= 90 && Double.isFinite(lng) && lng >= -180 && lng <= 180;
        }

        private static IllegalArgumentException invalid(String pingId, double lat, double lng, double accuracyM) {
            if (!inRange(lat, lng)) {
                return new IllegalArgumentException("ping " + pingId + " position must be finite degrees in range, was ("
                        + lat + ", " + lng + ")");
            }
            return new IllegalArgumentException("ping " + pingId + " accuracy must be a finite number >= 0, was "
                    + accuracyM);
        }

        private void emitRejected(String pingId, long at, PingOutcome outcome) {
            emit(new GeofenceEvent.PingRejected(technician, pingId, Instant.ofEpochMilli(at), outcome));
        }

        /** Flushes and lets go of this technician if no ping as new as {@code before} was accepted. */
        synchronized boolean forgetIfIdle(long before) {
            if (forgotten || maxSeenAt >= before) {
                return false;
            }
            flush();
            forgotten = true;
            technicians.remove(technician, this);
            return true;
        }

        synchronized void flush() {
            releaseUpTo(Long.MAX_VALUE);
            for (int i = tracks - 1; i >= 0; i--) {
                close(i);
            }
        }

        /** Inserts a ping into the ring in time order: at the tail unless it arrived out of order. */
        private void buffer(long at, double lat, double lng, boolean mock) {
            if (buffered * 4 == buf.length) {
                growBuffer();
            }
            int mask = buf.length / 4 - 1;
            int i = buffered;
            while (i > 0 && buf[((head + i - 1) & mask) * 4] > at) {
                System.arraycopy(buf, ((head + i - 1) & mask) * 4, buf, ((head + i) & mask) * 4, 4);
                i--;
            }
            int o = ((head + i) & mask) * 4;
            buf[o] = at;
            buf[o + 1] = lat;
            buf[o + 2] = lng;
            buf[o + 3] = mock ? 1 : 0;
            buffered++;
        }

        private void growBuffer() {
            double[] grown = new double[buf.length * 2];
            int first = Math.min(buffered, buf.length / 4 - head);
            System.arraycopy(buf, head * 4, grown, 0, first * 4);
            System.arraycopy(buf, 0, grown, first * 4, (buffered - first) * 4);
            buf = grown;
            head = 0;
        }

        private void releaseUpTo(long watermark) {
            int mask = buf.length / 4 - 1;
            while (buffered > 0 && buf[head * 4] <= watermark) {
                int o = head * 4;
                head = (head + 1) & mask;
                buffered--;
                process((long) buf[o], buf[o + 1], buf[o + 2], buf[o + 3] != 0);
            }
        }

        private void process(long at, double lat, double lng, boolean mock) {
            set(lat, lng);
            spoofSignals(at, lat, lng, mock);
            lastProcessedAt = at;
            if (mock) {
                markRaised(); // a mocked position is no evidence either way, but the stays it pretends to be in are suspect
                return;
            }
            index.locate(this);
            for (int t = 0; t < tracks; t++) {
                track[t * TRACK + FLAGS] &= ~SEEN;
            }
            for (int k = 0, n = candidates(); k < n; k++) {
                if (candidateContains(k)) {
                    inside(k, at);
                }
            }
            raised = 0; // marked on the stays this ping is inside (inside()), not on those it leaves
            for (int t = tracks - 1; t >= 0; t--) {
                int o = t * TRACK;
                if ((track[o + FLAGS] & SEEN) == 0) {
                    track[o + OUT]++;
                    if (++track[o + STREAK] >= exitPings && at - track[o + LAST_IN] >= exitAfterMillis) {
                        close(t);
                    }
                }
            }
        }

        /** Candidate {@code k} of the current cell contains the point: extend its stay or open one. */
        private void inside(int k, long at) {
            long serial = candidateSerial(k);
            int t = stayBySerial == null ? scanForStay(serial) : hashedStay(serial);
            if (t >= 0) {
                int o = t * TRACK;
                track[o + LAST_IN] = at;
                track[o + IN]++;
                track[o + STREAK] = 0;
                track[o + FLAGS] |= SEEN | raised;
                if ((track[o + FLAGS] & CONFIRMED) == 0 && at - track[o + FIRST_IN] >= dwellMillis) {
                    confirm(t, k);
                }
                return;
            }
            if (tracks == trackFence.length) {
                growTracks();
            }
            t = tracks++;
            int o = t * TRACK;
            track[o + FIRST_IN] = at;
            track[o + LAST_IN] = at;
            track[o + IN] = 1;
            track[o + OUT] = 0;
            track[o + STREAK] = 0;
            track[o + FLAGS] = SEEN | raised;
            track[o + SERIAL] = serial; // not yet confirmed: the dwell threshold is positive
            if (stayBySerial != null) {
                hashStay(t);
            } else if (tracks > SCAN_LIMIT) {
                hashStays();
            }
        }

        /** The open stay at the fence with this serial, or -1. */
        private int scanForStay(long serial) {
            for (int t = 0; t < tracks; t++) {
                if (track[t * TRACK + SERIAL] == serial) {
                    return t;
                }
            }
            return -1;
        }

        private int hashedStay(long serial) {
            int mask = stayBySerial.length - 1;
            for (int i = home(serial, mask); stayBySerial[i] != 0; i = (i + 1) & mask) {
                int t = stayBySerial[i] - 1;
                if (track[t * TRACK + SERIAL] == serial) {
                    return t;
                }
            }
            return -1;
        }

        private static int home(long serial, int mask) {
            return (int) ((serial * 0x9E3779B97F4A7C15L) >>> 32) & mask;
        }

        /** Builds {@link #stayBySerial} for the stays open now, at twice the capacity of the stays' arrays. */
        private void hashStays() {
            stayBySerial = new int[trackFence.length * 2];
            for (int t = 0; t < tracks; t++) {
                hashStay(t);
            }
        }

        private void hashStay(int t) {
            int mask = stayBySerial.length - 1;
            int i = home(track[t * TRACK + SERIAL], mask);
            while (stayBySerial[i] != 0) {
                i = (i + 1) & mask;
            }
            stayBySerial[i] = t + 1;
        }

        /** The slot holding stay {@code t}. */
        private int slotOf(int t) {
            int mask = stayBySerial.length - 1;
            int i = home(track[t * TRACK + SERIAL], mask);
            while (stayBySerial[i] != t + 1) {
                i = (i + 1) & mask;
            }
            return i;
        }

        /**
         * Takes stay {@code t} out of {@link #stayBySerial} and names stay {@code last} (which is about to move into
         * place {@code t}) by its new index. Linear probing's deletion: the stays after the emptied slot in its run
         * move back into it unless their home lies cyclically after it, so no lookup stops early.
         */
        private void unhashStay(int t, int last) {
            int mask = stayBySerial.length - 1;
            int empty = slotOf(t);
            for (int j = (empty + 1) & mask; stayBySerial[j] != 0; j = (j + 1) & mask) {
                int home = home(track[(stayBySerial[j] - 1) * TRACK + SERIAL], mask);
                boolean stays = empty <= j ? empty < home && home <= j : empty < home || home <= j;
                if (!stays) {
                    stayBySerial[empty] = stayBySerial[j];
                    empty = j;
                }
            }
            stayBySerial[empty] = 0;
            if (last != t) {
                stayBySerial[slotOf(last)] = t + 1;
            }
        }

        /** Marks the signals this (mocked) ping raised on every open stay. */
        private void markRaised() {
            for (int t = 0; t < tracks; t++) {
                track[t * TRACK + FLAGS] |= raised;
            }
            raised = 0;
        }

        private Set<SpoofSignal> signals(int t) {
            long flags = track[t * TRACK + FLAGS] >>> SIGNAL_SHIFT;
            if (flags == 0) {
                return Set.of();
            }
            Set<SpoofSignal> out = EnumSet.noneOf(SpoofSignal.class);
            for (SpoofSignal s : SIGNALS) {
                if ((flags & (1L << s.ordinal())) != 0) {
                    out.add(s);
                }
            }
            return out;
        }

        private void growTracks() {
            trackFence = Arrays.copyOf(trackFence, tracks * 2);
            track = Arrays.copyOf(track, tracks * 2 * TRACK);
            if (stayBySerial != null) {
                hashStays();
            }
        }

        /**
         * Marks stay {@code t} a visit and only now takes its fence object, from candidate {@code k} of the
         * current cell: most stays never become visits (a drive-by, a fence at the edge of the GPS jitter),
         * and opening one then reads no shared fence data and stores no reference (no write barrier).
         */
        private void confirm(int t, int k) {
            CompiledFence compiled = candidate(k);
            if (!index.holds(compiled)) {
                return; // removed since this ping's cell or disc was read: never reported (the stay ends with the pings to come)
            }
            track[t * TRACK + FLAGS] |= CONFIRMED;
            trackFence[t] = compiled;
            if (listeners.length > 0) {
                Fence fence = trackFence[t].fence;
                emit(new GeofenceEvent.VisitStarted(technician, fence.id(), fence.kind(),
                        Instant.ofEpochMilli(track[t * TRACK + FIRST_IN]), signals(t)));
            }
        }

        private void close(int t) {
            int o = t * TRACK;
            if ((track[o + FLAGS] & CONFIRMED) != 0) { // a stay is confirmed once it spans the dwell threshold
                recordVisit(t);
            }
            int last = --tracks;
            if (stayBySerial != null) {
                if (tracks > SCAN_LIMIT / 2) {
                    unhashStay(t, last);
                } else {
                    stayBySerial = null; // few enough to scan again (half the limit, so that it does not flap)
                }
            }
            trackFence[t] = trackFence[last];
            System.arraycopy(track, last * TRACK, track, o, TRACK);
            trackFence[last] = null;
        }

        private void recordVisit(int t) {
            int o = t * TRACK;
            long evidence = track[o + IN] + track[o + OUT] - track[o + STREAK];
            SiteVisit visit = SiteVisit.of(technician, trackFence[t].fence.id(), trackFence[t].fence.kind(),
                    Instant.ofEpochMilli(track[o + FIRST_IN]), Instant.ofEpochMilli(track[o + LAST_IN]),
                    (double) track[o + IN] / evidence, signals(t));
            log.record(visit);
            if (listeners.length > 0) {
                emit(new GeofenceEvent.VisitEnded(visit));
            }
        }

        private void spoofSignals(long at, double lat, double lng, boolean mock) {
            if (mock && !inMockRun) {
                raise(SpoofSignal.MOCK_LOCATION);
                if (listeners.length > 0) {
                    suspect(SpoofSignal.MOCK_LOCATION, at, "device reported a mock location");
                }
            }
            inMockRun = mock;
            if (!Double.isNaN(prevLat)) {
                if (lat == prevLat && lng == prevLng) {
                    if (++sameCoordinates == repeatedPings - 1) {
                        raise(SpoofSignal.REPEATED_COORDINATES);
                        if (listeners.length > 0) {
                            suspectRepeatedCoordinates(at, lat, lng);
                        }
                    }
                } else {
                    sameCoordinates = 0;
                    // chord length: within 1e-8 of the great-circle distance at these scales, and no trigonometry
                    double dx = x - prevX, dy = y - prevY, dz = z - prevZ;
                    double metres = Math.sqrt(dx * dx + dy * dy + dz * dz) * GeoPoint.EARTH_RADIUS_M;
                    double seconds = (at - lastProcessedAt) / 1000.0;
                    if (metres > 50 && metres > maxSpeedMps * seconds) {
                        raise(SpoofSignal.IMPOSSIBLE_SPEED);
                        if (listeners.length > 0) {
                            suspectImpossibleSpeed(at, metres, seconds);
                        }
                    }
                }
            }
            prevLat = lat;
            prevLng = lng;
            prevX = x;
            prevY = y;
            prevZ = z;
        }

        private void raise(SpoofSignal signal) {
            raised |= 1L << (SIGNAL_SHIFT + signal.ordinal());
        }

        private void suspectRepeatedCoordinates(long at, double lat, double lng) {
            suspect(SpoofSignal.REPEATED_COORDINATES, at, repeatedPings + " pings in a row at exactly (" + lat + ", " + lng + ")");
        }

        private void suspectImpossibleSpeed(long at, double metres, double seconds) {
            suspect(SpoofSignal.IMPOSSIBLE_SPEED, at, String.format("%.0f m in %.0f s (%.0f km/h)", metres, seconds,
                    seconds > 0 ? metres / seconds * 3.6 : Double.POSITIVE_INFINITY));
        }

        private void suspect(SpoofSignal signal, long at, String detail) {
            emit(new GeofenceEvent.SpoofSuspected(technician, signal, Instant.ofEpochMilli(at), detail));
        }
    }
}
