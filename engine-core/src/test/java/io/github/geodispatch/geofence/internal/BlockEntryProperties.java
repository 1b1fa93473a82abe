package io.github.geodispatch.geofence.internal;
import io.github.geodispatch.geofence.Fence;
import io.github.geodispatch.geofence.FenceIndex;
import io.github.geodispatch.geofence.FenceKind;
import io.github.geodispatch.geofence.FenceShape;
import io.github.geodispatch.spi.GeoPoint;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import static io.github.geodispatch.geofence.internal.FenceIndexBruteForceProperties.offset;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fence removed from a block is marked dead in place ({@link CellEntry#withoutInBlock}) and the block copied
 * without its dead fences only when they would be more than half of it: its live fences must always be a model
 * list's, an entry ever made may only see fences it held turn dead (and only removed ones), and a neighbourhood
 * disc built over blocks holding dead fences must be the one built over blocks that never held them.
 */
class BlockEntryProperties {
    private static final GeoPoint BASE = GeoPoint.of(12.97, 77.59);

    @Property(tries = 200)
    void aBlocksLiveFencesAreTheModelsAndOldEntriesOnlySeeRemovedFencesDie(@ForAll long seed) {
        Random random = new Random(seed);
        List<CellEntry> made = new ArrayList<>();
        List<List<CompiledFence>> seenFences = new ArrayList<>();
        List<double[]> seenRecords = new ArrayList<>();
        List<CompiledFence> model = new ArrayList<>();
        List<Boolean> modelCovers = new ArrayList<>();
        Set<CompiledFence> removed = new HashSet<>();
        CellEntry current = CellEntry.empty(7);
        int fences = 0;
        for (int step = 0; step < 120; step++) {
            int action = random.nextInt(7);
            if (action < 3 || model.isEmpty()) { // one or a few new fences (a fence removed is never added again)
                int n = 1 + (action == 2 ? random.nextInt(4) : 0);
                CompiledFence[] added = new CompiledFence[n];
                boolean[] covers = new boolean[n];
                for (int k = 0; k < n; k++) {
                    added[k] = CompiledFence.of(Fence.of("B" + fences++, FenceKind.SITE,
                            new FenceShape.Circle(GeoPoint.of(12.97 + random.nextDouble() * 1e-3, 77.59), 20 + random.nextInt(50))));
                    covers[k] = random.nextInt(4) == 0;
                    model.add(added[k]);
                    modelCovers.add(covers[k]);
                }
                current = current.with(added, covers, n);
            } else if (action < 6) { // remove one
                int i = random.nextInt(model.size());
                CompiledFence f = model.remove(i);
                modelCovers.remove(i);
                removed.add(f);
                current = current.withoutInBlock(f);
            } else if (!made.isEmpty()) { // a stale entry extended again must copy, not overwrite its successor's room
                made.get(random.nextInt(made.size())).with(new CompiledFence[] {CompiledFence.of(Fence.of("X" + step,
                        FenceKind.SITE, new FenceShape.Circle(GeoPoint.of(12.97, 77.59), 30)))}, new boolean[] {false}, 1);
            }
            if (!made.contains(current)) {
                made.add(current);
                seenFences.add(fences(current));
                seenRecords.add(records(current));
            }
            for (int e = 0; e < made.size(); e++) {
                CellEntry old = made.get(e);
                assertThat(fences(old)).as("fences of entry %d at step %d", e, step).isEqualTo(seenFences.get(e));
                double[] now = records(old), then = seenRecords.get(e);
                for (int i = 0; i < old.count; i++) {
                    for (int f = 0; f < CellEntry.STRIDE; f++) {
                        double v = now[i * CellEntry.STRIDE + f];
                        if (f == 3 && v == CellEntry.DEAD) {
                            assertThat(removed).as("a dead fence of entry %d at step %d", e, step).contains(old.fence(i));
                        } else {
                            assertThat(v).as("field %d of fence %d of entry %d at step %d", f, i, e, step)
                                    .isEqualTo(then[i * CellEntry.STRIDE + f]);
                        }
                    }
                }
            }
            List<CompiledFence> live = new ArrayList<>();
            int dead = 0;
            for (int i = 0; i < current.count; i++) {
                if (current.recordField(i, 3) == CellEntry.DEAD) {
                    dead++;
                    assertThat(current.mayReach(i, 12.97, 77.59, 0, 5)).isFalse();
                } else {
                    assertThat(current.recordField(i, 3)).isEqualTo(modelCovers.get(live.size()) ? CellEntry.COVERS_CELL
                            : ((CompiledFence.CircleFence) current.fence(i)).chord2);
                    live.add(current.fence(i));
                }
            }
            assertThat(live).as("live fences at step %d", step).isEqualTo(model);
            assertThat(current.dead()).as("dead count at step %d", step).isEqualTo(dead);
            assertThat(dead * 2).as("dead fences at most half, step %d", step).isLessThanOrEqualTo(current.count);
        }
    }

    @Property(tries = 60)
    void aDiscOverBlocksWithDeadFencesIsTheDiscOverBlocksWithout(@ForAll long seed) {
        Random random = new Random(seed);
        H3CoverFenceIndex churned = (H3CoverFenceIndex) FenceIndex.builder().build();
        H3CoverFenceIndex fresh = (H3CoverFenceIndex) FenceIndex.builder().build();
        List<Fence> all = new ArrayList<>();
        int n = 10 + random.nextInt(30);
        for (int i = 0; i < n; i++) {
            GeoPoint c = offset(BASE, (random.nextDouble() * 2 - 1) * 400, (random.nextDouble() * 2 - 1) * 400);
            int kind = random.nextInt(3) == 0 ? 1 + random.nextInt(4) : 0;
            Fence f = Fence.of("F" + i, FenceKind.SITE,
                    FenceIndexBruteForceProperties.shape(kind, c.lat(), c.lng(), 10 + random.nextDouble() * 60, random));
            all.add(f);
            churned.add(f);
        }
        List<Fence> live = new ArrayList<>(all);
        for (int r = random.nextInt(n); r > 0; r--) { // any share removed: blocks keep dead fences or are compacted
            assertThat(churned.remove(live.remove(random.nextInt(live.size())).id())).isTrue();
        }
        for (Fence f : live) {
            fresh.add(f);
        }
        for (int k = 0; k < 20; k++) {
            GeoPoint q = offset(BASE, (random.nextDouble() * 2 - 1) * 400, (random.nextDouble() * 2 - 1) * 400);
            CachingProbe a = new CachingProbe(), b = new CachingProbe();
            for (int ping = 0; ping < 2; ping++) { // the second ping in a remembered cell builds the disc
                a.set(q.lat(), q.lng());
                churned.locate(a);
                b.set(q.lat(), q.lng());
                fresh.locate(b);
            }
            assertThat(a.inDisc()).as("disc at %s", q).isEqualTo(b.inDisc());
            assertThat(candidates(a)).as("disc's fences at %s", q).isEqualTo(candidates(b));
            GeoPoint near = offset(q, random.nextGaussian() * 30, random.nextGaussian() * 30);
            a.set(near.lat(), near.lng());
            churned.locate(a);
            Set<String> expected = FenceIndexBruteForceProperties.expectedIds(live, near); // null: too near an edge to tell
            if (expected != null) {
                assertThat(FenceIndexBruteForceProperties.probeIds(a)).as("answer at %s", near).isEqualTo(expected);
            }
        }
    }

    private static Set<String> candidates(CachingProbe p) {
        Set<String> out = new TreeSet<>();
        for (int c = 0; c < p.candidates(); c++) {
            out.add(p.candidate(c).fence.id().value());
        }
        return out;
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
