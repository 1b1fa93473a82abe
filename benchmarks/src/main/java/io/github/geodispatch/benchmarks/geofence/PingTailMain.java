package io.github.geodispatch.benchmarks.geofence;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Where the ping path's mean goes, outside JMH: the {@link PingIngestionBenchmark} stream (its fences, technicians and
 * pings), warmed up for a number of passes, then every {@code accept} of one pass timed with {@code System.nanoTime}.
 * Prints the mean, each time band's share of the pings and of the mean, and how far apart in wall time the pings over
 * 10 µs fall (a band that recurs at a fixed wall-clock period is the machine's, not the code's). Each time includes
 * the two {@code nanoTime} calls (about 20-40 ns).
 *
 * <pre>java -Xms6g -Xmx6g -XX:+UseTransparentHugePages -cp benchmarks.jar \
 *     io.github.geodispatch.benchmarks.geofence.PingTailMain [fences] [warm-up passes]</pre>
 */
public final class PingTailMain {
    private static final long SLOW_NANOS = 10_000;

    private PingTailMain() {}

    public static void main(String[] args) {
        PingIngestionBenchmark.Geodispatch s = new PingIngestionBenchmark.Geodispatch();
        s.fences = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        s.technicians = 1_000;
        s.large = "none";
        s.setUp();
        int warmUpPasses = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        PingIngestionBenchmark.Pings p = s.pings;
        int n = p.tech.length;
        for (long k = 0; k < (long) warmUpPasses * n; k++) {
            accept(s, s.next());
        }
        long[] took = new long[n];
        long[] endedAt = new long[n];
        for (int k = 0; k < n; k++) {
            int i = s.next();
            long start = System.nanoTime();
            accept(s, i);
            endedAt[k] = System.nanoTime();
            took[k] = endedAt[k] - start;
        }
        long total = 0;
        for (long t : took) {
            total += t;
        }
        System.out.printf("%,d pings, %,d fences, %,d technicians, after %d warm-up passes: mean %.1f ns%n",
                n, s.fences, s.technicians, warmUpPasses, (double) total / n);
        long[] bands = {0, 300, 1_000, 4_000, SLOW_NANOS, 50_000, Long.MAX_VALUE};
        for (int b = 0; b + 1 < bands.length; b++) {
            int count = 0;
            long sum = 0;
            for (long t : took) {
                if (t >= bands[b] && t < bands[b + 1]) {
                    count++;
                    sum += t;
                }
            }
            System.out.printf("%s ns: %6.2f%% of pings, %6.1f ns of the mean (%4.1f%%)%n",
                    bands[b + 1] == Long.MAX_VALUE ? String.format("%,7d and more", bands[b])
                            : String.format("%,7d-%,7d", bands[b], bands[b + 1]),
                    100.0 * count / n, (double) sum / n, 100.0 * sum / total);
        }
        List<Long> gaps = new ArrayList<>();
        long previous = -1;
        for (int k = 0; k < n; k++) {
            if (took[k] >= SLOW_NANOS) {
                if (previous >= 0) {
                    gaps.add((endedAt[k] - previous) / 1_000);
                }
                previous = endedAt[k];
            }
        }
        Collections.sort(gaps);
        if (gaps.size() >= 10) {
            System.out.printf("wall time between pings over %,d ns: p10 %,d µs, median %,d µs, p90 %,d µs (%,d gaps)%n",
                    SLOW_NANOS, gaps.get(gaps.size() / 10), gaps.get(gaps.size() / 2), gaps.get(gaps.size() * 9 / 10),
                    gaps.size());
        }
    }

    private static void accept(PingIngestionBenchmark.Geodispatch s, int i) {
        PingIngestionBenchmark.Pings p = s.pings;
        s.tracker.accept(p.technicians[p.tech[i]], p.id[i], s.clock.now, p.lat[i], p.lng[i], p.acc[i], false);
    }
}
