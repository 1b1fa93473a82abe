package io.github.geodispatch.geofence.internal;
import io.github.geodispatch.geofence.Fence;
import io.github.geodispatch.geofence.FenceKind;
import io.github.geodispatch.geofence.FenceShape;
import io.github.geodispatch.spi.GeoPoint;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A cell map's flat rows (what a ping in a new cell reads) against a plain {@link HashMap} of the entries put,
 * under random adds and removes of fences over enough keys to make every stripe rebuild (which drops emptied
 * cells): each key's row gives its entry's fence count and the records of its first fences, bit for bit, and a
 * key never put gives none.
 */
class CellRowProperties {

    @Property(tries = 40)
    void rowsAgreeWithTheEntriesPut(@ForAll long seed) {
        Random random = new Random(seed);
        List<CompiledFence> pool = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            pool.add(CompiledFence.of(Fence.of("F" + i, FenceKind.SITE,
                    new FenceShape.Circle(GeoPoint.of(12.97 + i * 1e-4, 77.59 - i * 1e-4), 20 + i))));
        }
        pool.add(CompiledFence.of(Fence.of("P", FenceKind.SITE, new FenceShape.Polygon(List.of(GeoPoint.of(12.97, 77.59),
                GeoPoint.of(12.98, 77.59), GeoPoint.of(12.98, 77.60), GeoPoint.of(12.97, 77.59))))));
        CellMap map = new CellMap(true);
        Map<Long, CellEntry> model = new HashMap<>();
        int keys = 200 + random.nextInt(2_000);
        for (int step = 0; step < 6_000; step++) {
            long key = random.nextInt(keys) * 0x9E3779B97F4A7C15L | 1; // odd keys, spread (never NO_KEY, 0)
            CellEntry present = model.get(key);
            CompiledFence f = pool.get(random.nextInt(pool.size()));
            CellEntry next;
            if (present != null && random.nextInt(3) == 0) {
                next = present.without(present.count > 0 ? present.fence(random.nextInt(present.count)) : f);
            } else if (present == null) {
                next = CellEntry.of(key, f, random.nextBoolean());
            } else {
                next = present.fenceWithSerial(f.serial) != null ? present : present.with(f, random.nextBoolean());
            }
            map.put(next);
            model.put(key, next);
        }
        double[] out = new double[CellMap.ROW_FENCES * CellEntry.STRIDE];
        for (Map.Entry<Long, CellEntry> e : model.entrySet()) {
            CellEntry entry = e.getValue();
            assertThat(map.readRow(e.getKey(), out, 0)).as("count of key %d", e.getKey()).isEqualTo(entry.count);
            for (int i = 0; i < Math.min(entry.count, CellMap.ROW_FENCES); i++) {
                for (int f = 0; f < CellEntry.STRIDE; f++) {
                    assertThat(Double.doubleToRawLongBits(out[i * CellEntry.STRIDE + f]))
                            .isEqualTo(Double.doubleToRawLongBits(entry.recordField(i, f)));
                }
            }
            if (entry.count > 0) { // an emptied cell's entry leaves at its stripe's next rebuild
                assertThat(map.get(e.getKey())).isSameAs(entry);
            }
        }
        for (int i = 0; i < 100; i++) {
            assertThat(map.readRow(2 + random.nextInt(1 << 20) * 2L, out, 0)).isZero(); // even keys were never put
        }
    }
}
