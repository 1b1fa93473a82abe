package io.github.geodispatch.benchmarks.geofence;

import io.github.geodispatch.geofence.FenceIndex;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;

/**
 * The heap an index keeps for one large fence, and the wall time to build it: for each of the 50 km circle
 * and the 1° × 1° polygon of {@link LargeFenceBenchmark}, several rounds of: full GC, heap used, an index
 * built with that fence alone, full GC, heap used again. The difference is what the index retains (the
 * index's own fixed tables included). Prints each round; run with {@code -Xmx1g}.
 */
public final class LargeFenceFootprint {
    private LargeFenceFootprint() {}

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (String shape : new String[] {"circle50km", "polygon1deg"}) {
            for (int round = 1; round <= rounds; round++) {
                long before = usedAfterGc(memory);
                long start = System.nanoTime();
                FenceIndex index = FenceIndex.builder().resolution(PingIngestionBenchmark.RESOLUTION).build();
                index.add(LargeFenceBenchmark.largeFence(shape).orElseThrow());
                long elapsed = System.nanoTime() - start;
                long after = usedAfterGc(memory);
                System.out.printf("%s round %d: indexed in %.1f ms, retains %.2f MB%n", shape, round, elapsed / 1e6,
                        (after - before) / 1e6);
                Reference.reachabilityFence(index);
            }
        }
    }

    private static long usedAfterGc(MemoryMXBean memory) {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
