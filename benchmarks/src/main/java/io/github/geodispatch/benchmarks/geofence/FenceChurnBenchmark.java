package io.github.geodispatch.benchmarks.geofence;

import io.github.geodispatch.geofence.Fence;
import io.github.geodispatch.geofence.FenceId;
import io.github.geodispatch.geofence.FenceIndex;
import io.github.geodispatch.geofence.FenceKind;
import io.github.geodispatch.geofence.FenceShape;
import io.github.geodispatch.geofence.PingOutcome;
import io.github.geodispatch.geofence.VisitTracker;
import io.github.geodispatch.spi.GeoPoint;
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

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Fences changing while pings flow, on {@link PingIngestionBenchmark}'s city (site fences of 25-75 m over
 * 40 × 40 km around Bengaluru) and ping stream (1,000 technicians interleaved, one ping each per 15 s).
 * <ul>
 *   <li>{@code steady}: pings through {@code accept}, no fence changes: the figure churn is compared with.</li>
 *   <li>{@code churn}: the same pings, and fence changes at 10 per second of the stream's simulated time (one
 *       per 100 ms, so one per 6-7 pings of 1,000 technicians): alternately a job created (a new 25-75 m site
 *       fence at a random place in the city) and the oldest such job closed (its fence removed). The changes
 *       run on the pinging thread and their time is in the timed calls, as a host doing both on one thread
 *       would pay it.</li>
 *   <li>{@code churnPings}: the same pings and the same changes, made between the timed calls (a JMH
 *       invocation-level setup before each ping whose clock has passed a change's time), so the timed calls are
 *       the pings alone: what a ping pays while fences change (re-reading the cells a change touched, repairing
 *       a disc, the misses of entries made new), as on a host whose fences are changed by another thread. A
 *       change's own time is {@code addFence}'s. Young collections triggered by the changes' allocation mostly
 *       start inside the untimed changes (they allocate; the pings hardly do), so {@code -prof gc}'s
 *       {@code gc.time} is the figure to add for a host whose pinging threads those pauses stop.</li>
 *   <li>{@code addFence}: one site fence added to the index of {@code fences} fences (the fence added by the
 *       call before is removed first, untimed), microseconds.</li>
 *   <li>{@code bulkLoad}: {@link FenceIndex#addAll} of all {@code fences} fences into an empty index, one shot.</li>
 * </ul>
 * Same fork settings as {@link PingIngestionBenchmark} (transparent huge pages for a 6 GB heap). The index
 * built in setup is moved to the old generation before measuring ({@link #promoteToOldGeneration}).
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g", "-XX:+UseTransparentHugePages"})
public class FenceChurnBenchmark {
    /** Fence changes per second of the stream's simulated time. */
    static final int CHANGES_PER_SECOND = 10;

    /** A city of site fences and a tracker over it, pinged by the benchmark's stream. */
    @State(Scope.Thread)
    public static class City {
        @Param({"100000"})
        int fences;
        @Param({"1000"})
        int technicians;

        VisitTracker tracker;
        FenceIndex index;
        PingIngestionBenchmark.Pings pings;
        final PingIngestionBenchmark.SteppedClock clock = new PingIngestionBenchmark.SteppedClock();
        int cursor;
        long offset;
        // churn: the next change's simulated time, the job fences alive (oldest first), a seeded source of places
        long nextChangeAt;
        final ArrayDeque<FenceId> jobFences = new ArrayDeque<>();
        final Random random = new Random(11);
        int jobs;
        boolean createNext = true;

        @Setup(Level.Trial)
        public void setUp() {
            index = FenceIndex.builder().resolution(PingIngestionBenchmark.RESOLUTION).build();
            index.addAll(siteFences(fences));
            tracker = VisitTracker.builder(index).clock(clock).build();
            pings = PingIngestionBenchmark.pings(fences, technicians);
            promoteToOldGeneration();
        }

        int next() {
            int i = cursor++;
            clock.now = pings.at[i] + offset;
            if (i == PingIngestionBenchmark.PINGS - 1) {
                cursor = 0;
                offset += pings.passMillis;
            }
            return i;
        }

        /** Makes the fence changes due by the clock: alternately a job's fence created and the oldest closed. */
        void changeFencesDue() {
            if (clock.now - nextChangeAt > 1000) { // the first ping, or a new pass of the stream (days later)
                nextChangeAt = clock.now;
            }
            while (clock.now >= nextChangeAt) {
                nextChangeAt += 1000 / CHANGES_PER_SECOND;
                if (createNext || jobFences.isEmpty()) {
                    Fence f = randomSite("J-" + jobs++, random);
                    index.add(f);
                    jobFences.addLast(f.id());
                } else {
                    index.remove(jobFences.removeFirst());
                }
                createNext = !createNext;
            }
        }
    }

    /** {@link City} with its fence changes made before each call, untimed: the pings' own cost under churn. */
    @State(Scope.Thread)
    public static class ChurningCity extends City {
        /** Makes the changes due by the time of the ping the next call will take. */
        @Setup(Level.Invocation)
        public void changeFencesBeforePing() {
            clock.now = pings.at[cursor] + offset;
            changeFencesDue();
        }
    }

    /** An index of {@code fences} site fences, into which one more is added per call. */
    @State(Scope.Thread)
    public static class Adding {
        @Param({"100000"})
        int fences;

        FenceIndex index;
        final Random random = new Random(13);
        Fence last;
        int added;
        List<Fence> all;

        @Setup(Level.Trial)
        public void setUp() {
            all = siteFences(fences);
            index = FenceIndex.builder().resolution(PingIngestionBenchmark.RESOLUTION).build();
            index.addAll(all);
            promoteToOldGeneration();
        }

        @Setup(Level.Invocation)
        public void removeTheLastAdded() {
            if (last != null) {
                index.remove(last.id());
            }
            last = randomSite("A-" + added++, random);
        }
    }

    /**
     * Moves the index just built into the old generation, as a server's fences are after its first minutes: a
     * young collection would otherwise copy the whole index (hundreds of MB) between survivor spaces, each pause
     * a few hundred milliseconds, for the first dozen collections of the measurement.
     */
    static void promoteToOldGeneration() {
        System.gc();
        System.gc();
    }

    static List<Fence> siteFences(int n) {
        PingIngestionBenchmark.Fences f = PingIngestionBenchmark.fences(n);
        List<Fence> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(Fence.of("S-" + i, FenceKind.SITE, new FenceShape.Circle(GeoPoint.of(f.lat[i], f.lng[i]), f.radius[i])));
        }
        return out;
    }

    /** A 25-75 m site fence at a random place in the benchmark's city. */
    static Fence randomSite(String id, Random random) {
        double lat = PingIngestionBenchmark.BOX_LAT + (random.nextDouble() * 2 - 1) * PingIngestionBenchmark.BOX_HALF_KM / 111.195;
        double lng = PingIngestionBenchmark.BOX_LNG + (random.nextDouble() * 2 - 1) * PingIngestionBenchmark.BOX_HALF_KM
                / (111.195 * Math.cos(Math.toRadians(PingIngestionBenchmark.BOX_LAT)));
        return Fence.of(id, FenceKind.SITE, new FenceShape.Circle(GeoPoint.of(lat, lng), 25 + random.nextDouble() * 50));
    }

    @Benchmark
    public PingOutcome steady(City s) {
        PingIngestionBenchmark.Pings p = s.pings;
        int i = s.next();
        return s.tracker.accept(p.technicians[p.tech[i]], p.id[i], s.clock.now, p.lat[i], p.lng[i], p.acc[i], false);
    }

    @Benchmark
    public PingOutcome churn(City s) {
        PingIngestionBenchmark.Pings p = s.pings;
        int i = s.next();
        s.changeFencesDue();
        return s.tracker.accept(p.technicians[p.tech[i]], p.id[i], s.clock.now, p.lat[i], p.lng[i], p.acc[i], false);
    }

    @Benchmark
    public PingOutcome churnPings(ChurningCity s) {
        PingIngestionBenchmark.Pings p = s.pings;
        int i = s.next();
        return s.tracker.accept(p.technicians[p.tech[i]], p.id[i], s.clock.now, p.lat[i], p.lng[i], p.acc[i], false);
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public int addFence(Adding s) {
        s.index.add(s.last);
        return s.index.size();
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 2)
    @Measurement(iterations = 5)
    public FenceIndex bulkLoad(Adding s) {
        FenceIndex index = FenceIndex.builder().resolution(PingIngestionBenchmark.RESOLUTION).build();
        index.addAll(s.all);
        return index;
    }
}
