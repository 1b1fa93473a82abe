package io.github.geodispatch.benchmarks.geofence;

import com.uber.h3core.H3Core;
import com.uber.h3core.util.LatLng;
import io.github.geodispatch.geofence.Fence;
import io.github.geodispatch.geofence.FenceIndex;
import io.github.geodispatch.geofence.FenceKind;
import io.github.geodispatch.geofence.FenceShape;
import io.github.geodispatch.geofence.PingOutcome;
import io.github.geodispatch.geofence.TechnicianFeed;
import io.github.geodispatch.geofence.VisitTracker;
import io.github.geodispatch.spi.GeoPoint;
import io.github.geodispatch.spi.TechnicianId;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Ping ingestion against 1k, 100k and 1M circular site fences (radius 25-75 m, uniformly spread over
 * a 40 km x 40 km city box around Bengaluru), on one thread. The ping stream is precomputed: 1,000
 * technicians (parameter {@code technicians}), one ping every 15 s each, interleaved in time order,
 * dwelling 20-40 min at a fence (15 m GPS jitter) then driving at ~25 km/h to the nearest of 64 random
 * fences to a point 0.5-3 km away (so drives are often longer than 3 km: at 100,000 fences 18% of the
 * pings are taken while driving, each in a cell the technician has not been in). Each pass over the
 * stream is shifted whole days later, so no pass replays into the past.
 *
 * <ul>
 *   <li>{@code geodispatch}: the full {@link VisitTracker#accept} path (technician lookup, dedupe, reorder
 *       buffer, H3 cover lookup with the pure-Java cell locator, exact boundary tests, visit state machine).</li>
 *   <li>{@code geodispatchFeed}: the same through each technician's {@link TechnicianFeed} (what a host
 *       holding a connection per device uses): no technician lookup.</li>
 *   <li>{@code naiveStrTree}: lookup only: a JTS STRtree of PreparedGeometry (32-gon circles), a Point
 *       per ping, query + {@code covers} on the candidates.</li>
 *   <li>{@code naiveH3CellMap}: lookup only: H3 {@code latLngToCell} (JNI) per ping, a
 *       {@code HashMap<Long, int[]>} cell to fences, exact haversine test per candidate.</li>
 * </ul>
 * The baselines do less work than {@code geodispatch} (no state machine), so the comparison favours them.
 * Sample-time mode: every call is timed, so the report has the median (p0.50) per ping beside the mean;
 * each sample includes the timer's own cost (the p0.00 row shows that floor, about 45 ns here).
 * The forks run with transparent huge pages for their 6 GB heap, as a production JVM holding a
 * city's fences would: with 4 KB pages the random lookups of every method spend much of their time on
 * TLB misses. Every method's index is moved to the old generation once built
 * ({@link FenceChurnBenchmark#promoteToOldGeneration}), as a server's fences are after its first minutes: else
 * the measurement's young collections copy the freshly built index (at 100,000 fences, 0.9 s of collections
 * in one run's measurement, in the mean of every method).
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g", "-XX:+UseTransparentHugePages"})
public class PingIngestionBenchmark {
    static final int RESOLUTION = 11;
    /**
     * The stream's length is odd on purpose. Sample-time mode times every 2^k-th call (its sampling mask is
     * a power of two minus one over a linear congruential sequence, whose low k bits cycle with period 2^k),
     * so over a stream of 2^18 pings an iteration timed the same 1/2^k of the pings on every pass (at 1,000
     * technicians, the pings of only 125 of them) and its median swung with the draw: with 10 technicians
     * whole iterations came out at 150 ns or at 250 ns. With an odd length the timed calls walk through
     * every ping of the stream.
     */
    static final int PINGS = (1 << 18) - 1;
    static final double BOX_LAT = 12.97, BOX_LNG = 77.59, BOX_HALF_KM = 20;
    static final long DAY_MILLIS = 86_400_000L;

    /** The fence set for a size: deterministic, shared by every state of a fork. */
    static final class Fences {
        final double[] lat, lng, radius;

        Fences(int n) {
            Random r = new Random(42);
            lat = new double[n];
            lng = new double[n];
            radius = new double[n];
            for (int i = 0; i < n; i++) {
                lat[i] = BOX_LAT + (r.nextDouble() * 2 - 1) * BOX_HALF_KM / 111.195;
                lng[i] = BOX_LNG + (r.nextDouble() * 2 - 1) * BOX_HALF_KM / (111.195 * Math.cos(Math.toRadians(BOX_LAT)));
                radius[i] = 25 + r.nextDouble() * 50;
            }
        }
    }

    /** The precomputed ping stream (time-ordered across technicians). */
    static final class Pings {
        final int[] tech = new int[PINGS];
        final String[] id = new String[PINGS];
        final long[] at = new long[PINGS];
        final double[] lat = new double[PINGS], lng = new double[PINGS], acc = new double[PINGS];
        final TechnicianId[] technicians;
        final long passMillis;

        Pings(Fences f, int technicianCount) {
            technicians = new TechnicianId[technicianCount];
            Random r = new Random(7);
            long start = Instant.parse("2026-11-03T03:00:00Z").toEpochMilli();
            double[] tLat = new double[technicianCount], tLng = new double[technicianCount];
            double[] goalLat = new double[technicianCount], goalLng = new double[technicianCount];
            int[] dwellLeft = new int[technicianCount];
            for (int t = 0; t < technicianCount; t++) {
                technicians[t] = TechnicianId.of("T-" + t);
                int fence = r.nextInt(f.lat.length);
                tLat[t] = goalLat[t] = f.lat[fence];
                tLng[t] = goalLng[t] = f.lng[fence];
                dwellLeft[t] = r.nextInt(160);
            }
            int perTech = PINGS / technicianCount;
            int i = 0;
            for (int step = 0; step < perTech + 1 && i < PINGS; step++) {
                for (int t = 0; t < technicianCount && i < PINGS; t++) {
                    if (dwellLeft[t] > 0) {
                        dwellLeft[t]--;
                        if (dwellLeft[t] == 0) { // leave for a fence 0.5-3 km away (nearest one to a random target)
                            double bearing = r.nextDouble() * 2 * Math.PI, km = 0.5 + r.nextDouble() * 2.5;
                            double gLat = tLat[t] + km * Math.cos(bearing) / 111.195;
                            double gLng = tLng[t] + km * Math.sin(bearing) / (111.195 * Math.cos(Math.toRadians(tLat[t])));
                            int best = nearest(f, gLat, gLng, r);
                            goalLat[t] = f.lat[best];
                            goalLng[t] = f.lng[best];
                        }
                    } else { // driving 25 km/h: ~104 m per 15 s
                        double dLat = (goalLat[t] - tLat[t]) * 111_195, dLng = (goalLng[t] - tLng[t]) * 111_195 * Math.cos(Math.toRadians(tLat[t]));
                        double d = Math.hypot(dLat, dLng);
                        if (d < 104) {
                            tLat[t] = goalLat[t];
                            tLng[t] = goalLng[t];
                            dwellLeft[t] = 80 + r.nextInt(80);
                        } else {
                            tLat[t] += (goalLat[t] - tLat[t]) * 104 / d;
                            tLng[t] += (goalLng[t] - tLng[t]) * 104 / d;
                        }
                    }
                    tech[i] = t;
                    id[i] = "T-" + t + "-" + step;
                    at[i] = start + step * 15_000L + t * 15L;
                    double jitter = 15 / 111_195.0;
                    lat[i] = tLat[t] + r.nextGaussian() * jitter;
                    lng[i] = tLng[t] + r.nextGaussian() * jitter;
                    acc[i] = 8 + r.nextDouble() * 20;
                    i++;
                }
            }
            // the next pass starts after this one ends (whole days later), so no pass replays into the past
            passMillis = (at[PINGS - 1] - at[0]) / DAY_MILLIS * DAY_MILLIS + DAY_MILLIS;
        }

        /** Nearest of 64 random fences to (lat, lng): cheap and good enough for a plausible route. */
        private static int nearest(Fences f, double lat, double lng, Random r) {
            int best = r.nextInt(f.lat.length);
            double bestD = Double.MAX_VALUE;
            for (int k = 0; k < 64; k++) {
                int c = r.nextInt(f.lat.length);
                double d = Math.abs(f.lat[c] - lat) + Math.abs(f.lng[c] - lng);
                if (d < bestD) {
                    bestD = d;
                    best = c;
                }
            }
            return best;
        }
    }

    private static final Map<Integer, Fences> FENCES = new HashMap<>();
    private static final Map<List<Integer>, Pings> PING_STREAMS = new HashMap<>();

    static synchronized Fences fences(int n) {
        return FENCES.computeIfAbsent(n, Fences::new);
    }

    static synchronized Pings pings(int n, int technicians) {
        return PING_STREAMS.computeIfAbsent(List.of(n, technicians), k -> new Pings(fences(n), technicians));
    }

    /**
     * A clock the benchmark moves with the pings, so no ping is beyond the clock skew. Plain field: the
     * benchmark thread is its only writer and reader (a volatile write would add a fence to every ping).
     */
    static final class SteppedClock implements InstantSource {
        long now;

        @Override
        public long millis() {
            return now;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(now);
        }
    }

    @State(Scope.Thread)
    public static class Geodispatch {
        @Param({"1000", "100000", "1000000"})
        int fences;
        @Param({"1000"})
        int technicians;
        /**
         * A large service-area fence over the whole city beside the site fences, so every ping is inside it:
         * {@code none}, {@code circle50km} (the largest circle allowed) or {@code polygon1deg} (1° × 1°).
         */
        @Param({"none"})
        String large;

        VisitTracker tracker;
        TechnicianFeed[] feeds;
        Pings pings;
        final SteppedClock clock = new SteppedClock();
        int cursor;
        long offset;

        /** The index of the next ping; moves the clock to its time (this pass's offset added). */
        int next() {
            int i = cursor++;
            clock.now = pings.at[i] + offset;
            if (i == PINGS - 1) { // the next pass starts later, so it never replays into the past
                cursor = 0;
                offset += pings.passMillis;
            }
            return i;
        }

        @Setup(Level.Trial)
        public void setUp() {
            FenceIndex index = FenceIndex.builder().resolution(RESOLUTION).build();
            index.addAll(FenceChurnBenchmark.siteFences(fences));
            LargeFenceBenchmark.largeFence(large).ifPresent(index::add);
            tracker = VisitTracker.builder(index).clock(clock).build();
            pings = pings(fences, technicians);
            feeds = new TechnicianFeed[technicians];
            for (int t = 0; t < technicians; t++) {
                feeds[t] = tracker.feed(pings.technicians[t]);
            }
            FenceChurnBenchmark.promoteToOldGeneration();
        }
    }

    @State(Scope.Thread)
    public static class NaiveStrTree {
        @Param({"1000", "100000", "1000000"})
        int fences;
        @Param({"1000"})
        int technicians;

        STRtree tree;
        Pings pings;
        final GeometryFactory factory = new GeometryFactory();
        int cursor;

        @Setup(Level.Trial)
        public void setUp() {
            Fences f = fences(fences);
            tree = new STRtree();
            for (int i = 0; i < fences; i++) {
                Polygon circle = circle(factory, f.lat[i], f.lng[i], f.radius[i]);
                tree.insert(circle.getEnvelopeInternal(), PreparedGeometryFactory.prepare(circle));
            }
            tree.build();
            pings = pings(fences, technicians);
            FenceChurnBenchmark.promoteToOldGeneration();
        }
    }

    @State(Scope.Thread)
    public static class NaiveH3CellMap {
        @Param({"1000", "100000", "1000000"})
        int fences;
        @Param({"1000"})
        int technicians;

        H3Core h3;
        Map<Long, int[]> cells;
        Fences f;
        Pings pings;
        int cursor;

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            h3 = H3Core.newInstance();
            f = fences(fences);
            Map<Long, List<Integer>> building = new HashMap<>();
            double cellRadiusM = h3.getHexagonEdgeLengthAvg(RESOLUTION, com.uber.h3core.LengthUnit.m) * 1.5;
            for (int i = 0; i < fences; i++) {
                long centre = h3.latLngToCell(f.lat[i], f.lng[i], RESOLUTION);
                int k = (int) Math.ceil((f.radius[i] + cellRadiusM) / (cellRadiusM * 1.2)) + 1;
                for (long cell : h3.gridDisk(centre, k)) {
                    LatLng c = h3.cellToLatLng(cell);
                    if (GeoPoint.haversineMetres(c.lat, c.lng, f.lat[i], f.lng[i]) <= f.radius[i] + cellRadiusM) {
                        building.computeIfAbsent(cell, x -> new ArrayList<>()).add(i);
                    }
                }
            }
            cells = new HashMap<>();
            building.forEach((cell, list) -> cells.put(cell, list.stream().mapToInt(Integer::intValue).toArray()));
            pings = pings(fences, technicians);
            FenceChurnBenchmark.promoteToOldGeneration();
        }
    }

    @Benchmark
    public PingOutcome geodispatch(Geodispatch s) {
        Pings p = s.pings;
        int i = s.next();
        return s.tracker.accept(p.technicians[p.tech[i]], p.id[i], s.clock.now, p.lat[i], p.lng[i], p.acc[i], false);
    }

    @Benchmark
    public PingOutcome geodispatchFeed(Geodispatch s) {
        Pings p = s.pings;
        int i = s.next();
        return s.feeds[p.tech[i]].accept(p.id[i], s.clock.now, p.lat[i], p.lng[i], p.acc[i], false);
    }

    @Benchmark
    public int naiveStrTree(NaiveStrTree s) {
        Pings p = s.pings;
        int i = s.cursor;
        s.cursor = i == PINGS - 1 ? 0 : i + 1;
        Point point = s.factory.createPoint(new Coordinate(p.lng[i], p.lat[i]));
        int inside = 0;
        for (Object o : s.tree.query(new Envelope(p.lng[i], p.lng[i], p.lat[i], p.lat[i]))) {
            if (((PreparedGeometry) o).covers(point)) {
                inside++;
            }
        }
        return inside;
    }

    @Benchmark
    public int naiveH3CellMap(NaiveH3CellMap s) {
        Pings p = s.pings;
        int i = s.cursor;
        s.cursor = i == PINGS - 1 ? 0 : i + 1;
        int[] candidates = s.cells.get(s.h3.latLngToCell(p.lat[i], p.lng[i], RESOLUTION));
        int inside = 0;
        if (candidates != null) {
            for (int c : candidates) {
                if (GeoPoint.haversineMetres(p.lat[i], p.lng[i], s.f.lat[c], s.f.lng[c]) <= s.f.radius[c]) {
                    inside++;
                }
            }
        }
        return inside;
    }

    static Polygon circle(GeometryFactory factory, double lat, double lng, double radiusM) {
        Coordinate[] ring = new Coordinate[33];
        double dLat = radiusM / 111_195.0, dLng = radiusM / (111_195.0 * Math.cos(Math.toRadians(lat)));
        for (int k = 0; k < 32; k++) {
            double a = k * 2 * Math.PI / 32;
            ring[k] = new Coordinate(lng + dLng * Math.cos(a), lat + dLat * Math.sin(a));
        }
        ring[32] = ring[0];
        return factory.createPolygon(ring);
    }
}
