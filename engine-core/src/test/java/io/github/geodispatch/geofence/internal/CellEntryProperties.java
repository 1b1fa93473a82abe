package io.github.geodispatch.geofence.internal;
import io.github.geodispatch.geofence.Fence;
import io.github.geodispatch.geofence.FenceKind;
import io.github.geodispatch.geofence.FenceShape;
import io.github.geodispatch.spi.GeoPoint;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cell entries are replaced as if copy-on-write while their successors may write into their arrays' room: every
 * entry ever made, however old, must keep answering exactly as when it was made (what a reader holding it sees),
 * and the newest must match a model list of the fences added and removed, in order.
 */
class CellEntryProperties {

    @Property(tries = 200)
    void everyEntryKeepsItsFencesAndRecordsWhileSuccessorsAddAndRemove(@ForAll long seed) {
        Random random = new Random(seed);
        List<CompiledFence> pool = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            pool.add(CompiledFence.of(Fence.of("C" + i, FenceKind.SITE,
                    new FenceShape.Circle(GeoPoint.of(12.97 + i * 1e-4, 77.59), 20 + i))));
        }
        List<CellEntry> made = new ArrayList<>();
        List<double[]> seen = new ArrayList<>();
        List<List<CompiledFence>> seenFences = new ArrayList<>();
        List<CompiledFence> model = new ArrayList<>();
        List<Boolean> modelCovers = new ArrayList<>();
        CellEntry current = CellEntry.empty(42);
        for (int step = 0; step < 60; step++) {
            int action = random.nextInt(6);
            if (action < 3 || model.isEmpty()) { // add one or a few fences not in the cell
                int n = 1 + (action == 2 ? random.nextInt(3) : 0);
                CompiledFence[] added = new CompiledFence[n];
                boolean[] covers = new boolean[n];
                int k = 0;
                for (CompiledFence f : pool) {
                    if (k < n && !model.contains(f) && random.nextBoolean()) {
                        added[k] = f;
                        covers[k++] = random.nextBoolean();
                    }
                }
                current = current.with(added, covers, k);
                for (int i = 0; i < k; i++) {
                    model.add(added[i]);
                    modelCovers.add(covers[i]);
                }
            } else if (action < 5) { // remove one
                int i = random.nextInt(model.size());
                current = current.without(model.remove(i));
                modelCovers.remove(i);
            } else if (!made.isEmpty()) { // a stale entry extended again must copy, not overwrite its successor's room
                CellEntry stale = made.get(random.nextInt(made.size()));
                CompiledFence extra = pool.get(random.nextInt(pool.size()));
                boolean[] no = {false};
                if (!contains(stale, extra)) {
                    stale.with(new CompiledFence[] {extra}, no, 1);
                }
            }
            made.add(current);
            seen.add(records(current));
            seenFences.add(fences(current));
            for (int e = 0; e < made.size(); e++) {
                assertThat(records(made.get(e))).as("records of entry %d at step %d", e, step).isEqualTo(seen.get(e));
                assertThat(fences(made.get(e))).as("fences of entry %d at step %d", e, step).isEqualTo(seenFences.get(e));
            }
            assertThat(fences(current)).isEqualTo(model);
            for (int i = 0; i < model.size(); i++) {
                CompiledFence.CircleFence c = (CompiledFence.CircleFence) model.get(i);
                assertThat(current.serial(i)).isEqualTo(c.serial);
                assertThat(current.recordField(i, 3)).isEqualTo(modelCovers.get(i) ? CellEntry.COVERS_CELL : c.chord2);
            }
        }
    }

    private static boolean contains(CellEntry e, CompiledFence f) {
        return fences(e).contains(f);
    }

    private static double[] records(CellEntry e) {
        double[] out = new double[e.count * CellEntry.STRIDE];
        e.copyRecords(out, 0);
        return out;
    }

    private static List<CompiledFence> fences(CellEntry e) {
        List<CompiledFence> out = new ArrayList<>();
        for (int i = 0; i < e.count; i++) {
            out.add(e.fence(i));
        }
        return out;
    }
}
