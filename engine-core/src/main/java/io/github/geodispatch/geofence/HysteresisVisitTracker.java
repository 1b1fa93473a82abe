package io.github.geodispatch.geofence;

import io.github.geodispatch.spi.GeoPoint;
import io.github.geodispatch.spi.TechnicianId;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link VisitTracker} with a per-technician reorder buffer and per-fence stays ("tracks") driven by
 * count-and-time hysteresis. The steady ping path allocates nothing: primitive buffers, a reusable
 * point probe with a one-cell cache, and events are created only when something is reported.
 * Thread-safe: one lock per technician, none global.
 */
final class HysteresisVisitTracker implements VisitTracker {
    private static final long DEDUPE_HORIZON_MILLIS = Duration.ofHours(1).toMillis();

    private final H3CoverFenceIndex index;
    private final InstantSource clock;
    private final double maxAccuracyM;
    private final long maxSkewMillis;
    private final long dwellMillis;
    private final long reorderMillis;
    private final long exitAfterMillis;
    private final int exitPings;
    private final double maxSpeedMps;
    private final int repeatedPings;
    private final GeofenceListener[] listeners;
    private final InMemoryVisitLog log = new InMemoryVisitLog();
    private final ConcurrentHashMap<TechnicianId, TechnicianState> technicians = new ConcurrentHashMap<>();

    HysteresisVisitTracker(VisitTracker.Builder b) {
        if (!(b.index instanceof H3CoverFenceIndex h3Index)) {
            throw new IllegalArgumentException("the fence index must come from FenceIndex.builder()");
        }
        this.index = h3Index;
        this.clock = b.clock != null ? b.clock : InstantSource.system();
        this.maxAccuracyM = Double.isNaN(b.maxAccuracyM) ? 100 : b.maxAccuracyM;
        this.maxSkewMillis = (b.maxClockSkew != null ? b.maxClockSkew : Duration.ofMinutes(2)).toMillis();
        this.dwellMillis = (b.dwellThreshold != null ? b.dwellThreshold : Duration.ofMinutes(5)).toMillis();
        this.reorderMillis = (b.reorderWindow != null ? b.reorderWindow : Duration.ofMinutes(2)).toMillis();
        this.exitAfterMillis = (b.exitAfter != null ? b.exitAfter : Duration.ofSeconds(60)).toMillis();
        this.exitPings = b.exitPings != 0 ? b.exitPings : 3;
        this.maxSpeedMps = (Double.isNaN(b.maxSpeedKmh) ? 250 : b.maxSpeedKmh) / 3.6;
        this.repeatedPings = b.repeatedCoordinatePings != 0 ? b.repeatedCoordinatePings : 5;
        this.listeners = b.listeners.toArray(new GeofenceListener[0]);
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
        Objects.requireNonNull(technician, "technician");
        Objects.requireNonNull(pingId, "ping id");
        if (!Double.isFinite(lat) || lat < -90 || lat > 90 || !Double.isFinite(lng) || lng < -180 || lng > 180) {
            throw new IllegalArgumentException("ping " + pingId + " position must be finite degrees in range, was (" + lat + ", " + lng + ")");
        }
        if (!Double.isFinite(accuracyM) || accuracyM < 0) {
            throw new IllegalArgumentException("ping " + pingId + " accuracy must be a finite number >= 0, was " + accuracyM);
        }
        TechnicianState state = technicians.get(technician);
        if (state == null) {
            state = technicians.computeIfAbsent(technician, TechnicianState::new);
        }
        synchronized (state) {
            return state.accept(pingId, atMillis, lat, lng, accuracyM, mockLocation);
        }
    }

    @Override
    public void flush() {
        for (TechnicianState state : technicians.values()) {
            synchronized (state) {
                state.flush();
            }
        }
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

    /** One technician's ingestion state. Guarded by its own monitor. */
    private final class TechnicianState {
        private final TechnicianId technician;
        private final RecentPingIds ids = new RecentPingIds();
        private final PointProbe probe = new PointProbe();

        // reorder buffer, sorted by time
        private long[] bufAt = new long[16];
        private double[] bufLat = new double[16];
        private double[] bufLng = new double[16];
        private boolean[] bufMock = new boolean[16];
        private int buffered;
        private long maxSeenAt = Long.MIN_VALUE;
        private long lastProcessedAt = Long.MIN_VALUE;

        // previous evidence ping, for spoof signals
        private double prevLat = Double.NaN;
        private double prevLng = Double.NaN;
        private int sameCoordinates;
        private boolean inMockRun;

        // open stays, one per fence
        private CompiledFence[] trackFence = new CompiledFence[4];
        private long[] firstIn = new long[4];
        private long[] lastIn = new long[4];
        private int[] inCount = new int[4];
        private int[] outCount = new int[4];
        private int[] outStreak = new int[4];
        private boolean[] confirmed = new boolean[4];
        private boolean[] seen = new boolean[4];
        private int tracks;

        TechnicianState(TechnicianId technician) {
            this.technician = technician;
        }

        PingOutcome accept(String pingId, long at, double lat, double lng, double accuracyM, boolean mock) {
            if (ids.contains(pingId)) {
                return PingOutcome.DUPLICATE;
            }
            ids.add(pingId, at, (lastProcessedAt == Long.MIN_VALUE ? at : Math.min(at, lastProcessedAt)) - DEDUPE_HORIZON_MILLIS);
            PingOutcome outcome;
            if (accuracyM > maxAccuracyM) {
                outcome = PingOutcome.REJECTED_ACCURACY;
            } else if (at > clock.millis() + maxSkewMillis) {
                outcome = PingOutcome.REJECTED_CLOCK_SKEW;
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
                emit(new GeofenceEvent.PingRejected(technician, pingId, Instant.ofEpochMilli(at), outcome));
            }
            return outcome;
        }

        void flush() {
            releaseUpTo(Long.MAX_VALUE);
            for (int i = tracks - 1; i >= 0; i--) {
                close(i);
            }
        }

        private void buffer(long at, double lat, double lng, boolean mock) {
            if (buffered == bufAt.length) {
                int n = buffered * 2;
                bufAt = Arrays.copyOf(bufAt, n);
                bufLat = Arrays.copyOf(bufLat, n);
                bufLng = Arrays.copyOf(bufLng, n);
                bufMock = Arrays.copyOf(bufMock, n);
            }
            int i = buffered;
            while (i > 0 && bufAt[i - 1] > at) {
                bufAt[i] = bufAt[i - 1];
                bufLat[i] = bufLat[i - 1];
                bufLng[i] = bufLng[i - 1];
                bufMock[i] = bufMock[i - 1];
                i--;
            }
            bufAt[i] = at;
            bufLat[i] = lat;
            bufLng[i] = lng;
            bufMock[i] = mock;
            buffered++;
        }

        private void releaseUpTo(long watermark) {
            int released = 0;
            while (released < buffered && bufAt[released] <= watermark) {
                process(bufAt[released], bufLat[released], bufLng[released], bufMock[released]);
                released++;
            }
            if (released > 0) {
                int rest = buffered - released;
                System.arraycopy(bufAt, released, bufAt, 0, rest);
                System.arraycopy(bufLat, released, bufLat, 0, rest);
                System.arraycopy(bufLng, released, bufLng, 0, rest);
                System.arraycopy(bufMock, released, bufMock, 0, rest);
                buffered = rest;
            }
        }

        private void process(long at, double lat, double lng, boolean mock) {
            spoofSignals(at, lat, lng, mock);
            lastProcessedAt = at;
            if (mock) {
                return; // a mocked position is no evidence either way
            }
            probe.set(lat, lng);
            index.lookup(probe);
            for (int t = 0; t < tracks; t++) {
                seen[t] = false;
            }
            for (int i = 0; i < probe.foundCount; i++) {
                inside(probe.found[i], at);
            }
            for (int t = tracks - 1; t >= 0; t--) {
                if (!seen[t]) {
                    outCount[t]++;
                    if (++outStreak[t] >= exitPings && at - lastIn[t] >= exitAfterMillis) {
                        close(t);
                    }
                }
            }
        }

        private void inside(CompiledFence fence, long at) {
            for (int t = 0; t < tracks; t++) {
                if (trackFence[t] == fence) {
                    seen[t] = true;
                    lastIn[t] = at;
                    inCount[t]++;
                    outStreak[t] = 0;
                    if (!confirmed[t] && at - firstIn[t] >= dwellMillis) {
                        confirmed[t] = true;
                        if (listeners.length > 0) {
                            emit(new GeofenceEvent.VisitStarted(technician, fence.fence.id(), fence.fence.kind(),
                                    Instant.ofEpochMilli(firstIn[t])));
                        }
                    }
                    return;
                }
            }
            if (tracks == trackFence.length) {
                growTracks();
            }
            int t = tracks++;
            trackFence[t] = fence;
            firstIn[t] = at;
            lastIn[t] = at;
            inCount[t] = 1;
            outCount[t] = 0;
            outStreak[t] = 0;
            confirmed[t] = dwellMillis == 0;
            seen[t] = true;
        }

        private void close(int t) {
            if (confirmed[t] || lastIn[t] - firstIn[t] >= dwellMillis) {
                int evidence = inCount[t] + outCount[t] - outStreak[t];
                SiteVisit visit = SiteVisit.of(technician, trackFence[t].fence.id(), trackFence[t].fence.kind(),
                        Instant.ofEpochMilli(firstIn[t]), Instant.ofEpochMilli(lastIn[t]), (double) inCount[t] / evidence);
                log.record(visit);
                if (listeners.length > 0) {
                    emit(new GeofenceEvent.VisitEnded(visit));
                }
            }
            int last = --tracks;
            trackFence[t] = trackFence[last];
            firstIn[t] = firstIn[last];
            lastIn[t] = lastIn[last];
            inCount[t] = inCount[last];
            outCount[t] = outCount[last];
            outStreak[t] = outStreak[last];
            confirmed[t] = confirmed[last];
            seen[t] = seen[last];
            trackFence[last] = null;
        }

        private void growTracks() {
            int n = trackFence.length * 2;
            trackFence = Arrays.copyOf(trackFence, n);
            firstIn = Arrays.copyOf(firstIn, n);
            lastIn = Arrays.copyOf(lastIn, n);
            inCount = Arrays.copyOf(inCount, n);
            outCount = Arrays.copyOf(outCount, n);
            outStreak = Arrays.copyOf(outStreak, n);
            confirmed = Arrays.copyOf(confirmed, n);
            seen = Arrays.copyOf(seen, n);
        }

        private void spoofSignals(long at, double lat, double lng, boolean mock) {
            if (mock && !inMockRun && listeners.length > 0) {
                emit(new GeofenceEvent.SpoofSuspected(technician, SpoofSignal.MOCK_LOCATION, Instant.ofEpochMilli(at),
                        "device reported a mock location"));
            }
            inMockRun = mock;
            if (!Double.isNaN(prevLat)) {
                if (lat == prevLat && lng == prevLng) {
                    if (++sameCoordinates == repeatedPings - 1 && listeners.length > 0) {
                        emit(new GeofenceEvent.SpoofSuspected(technician, SpoofSignal.REPEATED_COORDINATES,
                                Instant.ofEpochMilli(at), repeatedPings + " pings in a row at exactly (" + lat + ", " + lng + ")"));
                    }
                } else {
                    sameCoordinates = 0;
                    double metres = GeoPoint.haversineMetres(prevLat, prevLng, lat, lng);
                    double seconds = (at - lastProcessedAt) / 1000.0;
                    if (metres > 50 && metres > maxSpeedMps * seconds && listeners.length > 0) {
                        emit(new GeofenceEvent.SpoofSuspected(technician, SpoofSignal.IMPOSSIBLE_SPEED,
                                Instant.ofEpochMilli(at), String.format("%.0f m in %.0f s (%.0f km/h)", metres, seconds,
                                seconds > 0 ? metres / seconds * 3.6 : Double.POSITIVE_INFINITY)));
                    }
                }
            }
            prevLat = lat;
            prevLng = lng;
        }
    }

    /** For tests: technicians with state. */
    List<TechnicianId> technicians() {
        return List.copyOf(technicians.keySet());
    }
}
