package io.github.geodispatch.geofence;

import io.github.geodispatch.spi.GeoPoint;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** Fences added and removed while other threads query: stable fences are always found, nothing unknown ever is. */
class FenceIndexConcurrencyTest {
    @Test
    void readersSeeStableFencesWhileAWriterChurnsOthers() throws Exception {
        FenceIndex index = FenceIndex.builder().build();
        List<Fence> stable = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            Fence f = Fence.of("stable-" + i, FenceKind.SITE, new FenceShape.Circle(GeoPoint.of(12.9 + i * 0.002, 77.6), 80));
            stable.add(f);
            index.add(f);
        }
        Set<FenceId> everAdded = ConcurrentHashMap.newKeySet();
        stable.forEach(f -> everAdded.add(f.id()));
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread writer = new Thread(() -> {
            Random r = new Random(1);
            try {
                for (int round = 0; round < 400; round++) {
                    Fence f = Fence.of("churn-" + round, FenceKind.SITE,
                            new FenceShape.Circle(GeoPoint.of(12.9 + r.nextDouble() * 0.1, 77.6 + (r.nextDouble() - 0.5) * 0.002), 50));
                    everAdded.add(f.id());
                    index.add(f);
                    if (round % 2 == 0) {
                        index.remove(f.id());
                    }
                }
            } catch (Throwable t) {
                failure.set(t);
            } finally {
                stop.set(true);
            }
        });
        List<Thread> readers = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            int seed = t;
            readers.add(new Thread(() -> {
                Random r = new Random(seed);
                try {
                    while (!stop.get()) {
                        int i = r.nextInt(stable.size());
                        GeoPoint p = GeoPoint.of(12.9 + i * 0.002 + (r.nextDouble() - 0.5) * 0.0005, 77.6 + (r.nextDouble() - 0.5) * 0.0005);
                        List<Fence> found = index.fencesAt(p);
                        assertThat(found).contains(stable.get(i));
                        found.forEach(f -> assertThat(everAdded).contains(f.id()));
                    }
                } catch (Throwable e) {
                    failure.set(e);
                }
            }));
        }
        readers.forEach(Thread::start);
        writer.start();
        writer.join();
        for (Thread t : readers) {
            t.join();
        }
        assertThat(failure.get()).isNull();
        assertThat(index.size()).isEqualTo(250);
    }
}
