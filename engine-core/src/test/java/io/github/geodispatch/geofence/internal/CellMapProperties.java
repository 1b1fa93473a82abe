package io.github.geodispatch.geofence.internal;

import io.github.geodispatch.geofence.Fence;
import io.github.geodispatch.geofence.FenceKind;
import io.github.geodispatch.geofence.FenceShape;
import io.github.geodispatch.spi.GeoPoint;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cell map against a hash map: after any run of puts (new keys, replacements, entries emptied by removals, enough
 * keys to rebuild stripes many times), every key put reads back its last entry (an emptied one may be dropped by a
 * rebuild: it reads back empty or not at all), and keys never put read as absent. Keys are lattice keys (top bit set),
 * many of them in one stripe so that probe chains run long.
 */
class CellMapProperties {
    private static final CompiledFence FENCE = CompiledFence.of(Fence.of("C", FenceKind.SITE,
            new FenceShape.Circle(GeoPoint.of(12.97, 77.59), 25)));

    @Property(tries = 200)
    void everyKeyReadsBackItsLastEntryThroughRebuilds(@ForAll long seed, @ForAll @IntRange(min = 1, max = 3_000) int puts) {
        Random random = new Random(seed);
        CellMap map = new CellMap();
        Map<Long, CellEntry> model = new HashMap<>();
        int keySpace = 1 + random.nextInt(2_000);
        for (int i = 0; i < puts; i++) {
            long key = Long.MIN_VALUE | random.nextInt(keySpace);
            CellEntry entry = random.nextInt(5) == 0 ? CellEntry.empty(key) : CellEntry.of(key, FENCE, random.nextBoolean());
            map.put(entry);
            model.put(key, entry);
            if (random.nextInt(10) == 0) {
                check(map, model, key);
            }
        }
        for (long key : model.keySet()) {
            check(map, model, key);
        }
        for (int i = 0; i < 200; i++) {
            long absent = Long.MIN_VALUE | (keySpace + random.nextInt(1_000_000));
            assertThat(map.get(absent)).as("key never put").isNull();
        }
    }

    private static void check(CellMap map, Map<Long, CellEntry> model, long key) {
        CellEntry expected = model.get(key);
        CellEntry read = map.get(key);
        if (expected.isEmpty()) {
            assertThat(read == null || read == expected).as("emptied key %x", key).isTrue();
        } else {
            assertThat(read).as("key %x", key).isSameAs(expected);
        }
    }
}
