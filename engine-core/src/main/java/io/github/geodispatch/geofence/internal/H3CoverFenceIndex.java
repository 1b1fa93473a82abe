package io.github.geodispatch.geofence.internal;
import io.github.geodispatch.geofence.Fence;
import io.github.geodispatch.geofence.FenceId;
import io.github.geodispatch.geofence.FenceIndex;
import io.github.geodispatch.spi.GeoPoint;
import com.uber.h3core.util.LatLng;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Location;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@link FenceIndex} over H3 cell covers keyed by the pure-Java {@link H3Lattice} position of each cell.
 * Readers: one volatile read, one lattice rounding, one lock-free map probe (skipped when the probe's
 * cached cell still applies), then exact tests on boundary fences only. Writers compute the cover
 * outside any lock, then swap the affected cell entries copy-on-write under the writer lock and bump
 * the version. Thread-safe.
 */
public final class H3CoverFenceIndex implements FenceIndex {
    /** Safety margin (1 mm) added to every cover classification, in radians of arc. */
    private static final double DELTA_RADIANS = 0.001 / GeoPoint.EARTH_RADIUS_M;
    /** Upper bound of the gnomonic stretch inside a face (1 / cos^2 of the face circumradius, 37.4 degrees). */
    private static final double MAX_STRETCH = 1.6;
    /**
     * Radius of a lingering technician's neighbourhood disc: GPS jitter of 15 m leaves it on about 1 ping in
     * 500 (two jittered fixes 75 m apart), and at 100,000 fences over a city (60 per km²) about 3 fences reach
     * into it.
     */
    static final double NEIGHBOURHOOD_RADIUS_M = 75;
    /**
     * Margin of a neighbourhood's classification (10 cm): generous, as it costs nothing but the odd extra
     * exact test, and it covers the rounding of the disc's own radius, held as a cosine.
     */
    private static final double DISC_MARGIN_RADIANS = 0.1 / GeoPoint.EARTH_RADIUS_M;
    /** Blocks of 16 x 16 lattice cells (about 700 m across at resolution 11) index fences for neighbourhoods. */
    private static final int BLOCK_SHIFT = 4;
    /**
     * A fence whose cover would hold more cells than this (at resolution 11, a circle of about 1.2 km radius) and
     * that reaches farther than {@link #LARGE_MIN_REACH_M} is kept apart with the {@link LargeFences}: its cover
     * would cost time and memory growing with its area.
     */
    static final double LARGE_COVER_CELLS = 4096;
    /**
     * Fences reaching less than this (1 km) always get covers, even at fine resolutions: a large fence's answer is
     * found by scanning the large fences near the point, which suits service areas, not thousands of small sites.
     */
    static final double LARGE_MIN_REACH_M = 1_000;

    private final H3Lattice lattice;
    private final CellMap cells = new CellMap();
    private final ConcurrentHashMap<FenceId, Registered> fences = new ConcurrentHashMap<>();
    private final Object writeLock = new Object();
    private volatile long version;

    /** The blocks of cells a fence's cover touches: where a technician's neighbourhood looks for fences. */
    private final CellMap blocks = new CellMap();
    /** Fences too large for cell covers. */
    private final LargeFences large = new LargeFences();
    /** Where recent changes were: what technicians' remembered cells and discs check when the version moves. */
    private final FenceChanges changes;
    /** Scratch lists for an add's cover, taken by one writer at a time (one racing it makes its own). */
    private final AtomicReference<Scratch> scratch = new AtomicReference<>();
    /** What {@link CellEntry#with} is given for one fence covering its cells, or crossing them: read, never written. */
    private static final boolean[] INSIDE = {true}, CROSSING = {false};

    /**
     * A fence in the index: where it is (a centre and the radians it reaches from it), and its cover's keys in
     * one array (fewer objects for a collector to copy): its interior cells, then its boundary cells (from
     * {@code boundaryFrom}), then the blocks they lie in (from {@code blocksFrom}); none for a large fence.
     */
    private record Registered(CompiledFence compiled, double lat, double lng, double reach, boolean large,
                              long[] keys, int boundaryFrom, int blocksFrom) {
        long[] interiorKeys() {
            return Arrays.copyOfRange(keys, 0, boundaryFrom);
        }

        long[] boundaryKeys() {
            return Arrays.copyOfRange(keys, boundaryFrom, blocksFrom);
        }
    }

    public H3CoverFenceIndex(int resolution) {
        this.lattice = new H3Lattice(H3Runtime.h3(), resolution);
        this.changes = new FenceChanges(lattice.cellRadiusRadians(), NEIGHBOURHOOD_RADIUS_M / GeoPoint.EARTH_RADIUS_M,
                DISC_MARGIN_RADIANS);
    }

    @Override
    public void add(Fence fence) {
        Objects.requireNonNull(fence, "fence");
        if (fences.containsKey(fence.id())) {
            throw new IllegalArgumentException("fence " + fence.id() + " is already in the index");
        }
        CompiledFence compiled = CompiledFence.of(fence);
        Scratch lists = scratch.getAndSet(null);
        if (lists == null) {
            lists = new Scratch();
        }
        Registered r = cover(compiled, lists);
        scratch.set(lists);
        CompiledFence[] one = {compiled};
        synchronized (writeLock) {
            if (fences.putIfAbsent(fence.id(), r) != null) {
                throw new IllegalArgumentException("fence " + fence.id() + " is already in the index");
            }
            if (r.large) {
                large.add(compiled);
                return;
            }
            addTo(cells, r.keys, 0, r.boundaryFrom, one, INSIDE);
            addTo(cells, r.keys, r.boundaryFrom, r.blocksFrom, one, CROSSING);
            addTo(blocks, r.keys, r.blocksFrom, r.keys.length, one, CROSSING);
            publish(r, true);
        }
    }

    @Override
    public void addAll(Collection<Fence> batch) {
        Objects.requireNonNull(batch, "fences");
        Set<FenceId> ids = new HashSet<>(batch.size() * 2);
        for (Fence fence : batch) {
            if (!ids.add(Objects.requireNonNull(fence, "fence").id()) || fences.containsKey(fence.id())) {
                throw new IllegalArgumentException("fence " + fence.id() + " is already in the index or twice in the batch");
            }
        }
        List<Registered> covered = new ArrayList<>(batch.size());
        Scratch lists = new Scratch();
        int cellRows = 0, blockRows = 0;
        for (Fence fence : batch) {
            Registered r = cover(CompiledFence.of(fence), lists);
            covered.add(r);
            cellRows += r.blocksFrom;
            blockRows += r.keys.length - r.blocksFrom;
        }
        synchronized (writeLock) {
            for (Registered r : covered) {
                if (fences.containsKey(r.compiled.fence.id())) {
                    throw new IllegalArgumentException("fence " + r.compiled.fence.id() + " is already in the index");
                }
            }
            KeyedFences cellGroups = new KeyedFences(cellRows), blockGroups = new KeyedFences(blockRows);
            for (Registered r : covered) {
                fences.put(r.compiled.fence.id(), r);
                if (r.large) {
                    large.add(r.compiled);
                    continue;
                }
                for (int i = 0; i < r.keys.length; i++) {
                    (i < r.blocksFrom ? cellGroups : blockGroups).add(r.keys[i], r.compiled, i < r.boundaryFrom);
                }
            }
            cellGroups.installInto(cells);
            blockGroups.installInto(blocks);
            for (Registered r : covered) {
                if (!r.large) {
                    publish(r, true);
                }
            }
        }
    }

    /**
     * Fences grouped by cell (or block) key for a bulk add: each key's fences in a chain through {@code next},
     * its head found by open addressing, so that each entry is then built once. Not thread-safe (the writer's).
     */
    private static final class KeyedFences {
        /** Open addressing over keys (0 is {@link H3Lattice#NO_KEY}, never a key), kept at most half full. */
        private long[] slotKeys;
        private int[] heads;
        private int keys;
        private final CompiledFence[] fence;
        private final boolean[] covers;
        private final int[] next;
        private int size;

        /**
         * Room for {@code rows} (key, fence) pairs, and a table for half as many keys (fences share cells) that
         * grows if there are more.
         */
        KeyedFences(int rows) {
            fence = new CompiledFence[rows];
            covers = new boolean[rows];
            next = new int[rows];
            int slots = Integer.highestOneBit(Math.max(16, rows)) * 2;
            slotKeys = new long[slots];
            heads = new int[slots];
        }

        void add(long key, CompiledFence f, boolean coversCell) {
            if ((keys + 1) * 2 > slotKeys.length) {
                rehash();
            }
            int slot = slotOf(key);
            if (slotKeys[slot] == H3Lattice.NO_KEY) {
                slotKeys[slot] = key;
                heads[slot] = -1;
                keys++;
            }
            fence[size] = f;
            covers[size] = coversCell;
            next[size] = heads[slot];
            heads[slot] = size++;
        }

        private int slotOf(long key) {
            int mask = slotKeys.length - 1, slot = (int) CellMap.mix(key) & mask;
            while (slotKeys[slot] != H3Lattice.NO_KEY && slotKeys[slot] != key) {
                slot = (slot + 1) & mask;
            }
            return slot;
        }

        private void rehash() {
            long[] oldKeys = slotKeys;
            int[] oldHeads = heads;
            slotKeys = new long[oldKeys.length * 2];
            heads = new int[oldKeys.length * 2];
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] != H3Lattice.NO_KEY) {
                    int slot = slotOf(oldKeys[i]);
                    slotKeys[slot] = oldKeys[i];
                    heads[slot] = oldHeads[i];
                }
            }
        }

        /** Puts every key's entry into {@code map}: its present entry with the key's fences added. */
        void installInto(CellMap map) {
            CompiledFence[] group = new CompiledFence[16];
            boolean[] groupCovers = new boolean[16];
            for (int slot = 0; slot < slotKeys.length; slot++) {
                long key = slotKeys[slot];
                if (key == H3Lattice.NO_KEY) {
                    continue;
                }
                int n = 0;
                for (int i = heads[slot]; i >= 0; i = next[i]) {
                    if (n == group.length) {
                        group = Arrays.copyOf(group, n * 2);
                        groupCovers = Arrays.copyOf(groupCovers, n * 2);
                    }
                    group[n] = fence[i];
                    groupCovers[n++] = covers[i];
                }
                CellEntry present = map.get(key);
                map.put(present != null ? present.with(group, groupCovers, n) : CellEntry.of(key, group, groupCovers, n));
            }
        }
    }

    /** Adds the fence {@code one[0]} to the entries of {@code keys[from..to)} in {@code map}, covering their cells or not. */
    private static void addTo(CellMap map, long[] keys, int from, int to, CompiledFence[] one, boolean[] covers) {
        for (int i = from; i < to; i++) {
            CellEntry e = map.get(keys[i]);
            map.put(e == null ? CellEntry.of(keys[i], one, covers, 1) : e.with(one, covers, 1));
        }
    }

    /** Logs and stamps a change of a fence with a cover, then publishes it (the version moves on); under the writer lock. */
    private void publish(Registered r, boolean added) {
        long next = version + 1;
        changes.record(next, r.compiled, r.lat, r.lng, r.reach, added);
        version = next;
    }

    @Override
    public boolean remove(FenceId id) {
        Objects.requireNonNull(id, "fence id");
        synchronized (writeLock) {
            Registered r = fences.remove(id);
            if (r == null) {
                return false;
            }
            r.compiled.markRemoved();
            if (r.large) {
                large.remove(r.compiled);
                return true;
            }
            for (int i = 0; i < r.keys.length; i++) {
                CellMap map = i < r.blocksFrom ? cells : blocks;
                CellEntry e = map.get(r.keys[i]);
                if (e != null) {
                    map.put(e.without(r.compiled));
                }
            }
            publish(r, false);
            return true;
        }
    }

    @Override
    public Optional<Fence> fence(FenceId id) {
        Registered r = fences.get(id);
        return r == null ? Optional.empty() : Optional.of(r.compiled.fence);
    }

    /**
     * Whether {@code f} is in the index now: false from the moment its removal starts (before it is published). A
     * probe's candidates are what its cell or disc held when read, so the tracker asks this before it starts a
     * visit: a visit never starts at a fence once its removal is published. Every fence a probe can hold was
     * registered before its cells were written, so this is a flag on the fence (one load of an object the caller
     * has just read), not a lookup in the registry (five dependent loads: the fence, its id, the id's string, the
     * registry's slot and node).
     */
    boolean holds(CompiledFence f) {
        return !f.removed();
    }

    @Override
    public int size() {
        return fences.size();
    }

    @Override
    public List<Fence> fencesAt(GeoPoint point) {
        PointProbe probe = new PointProbe();
        probe.set(point.lat(), point.lng());
        CellEntry e = cells.get(keyOf(probe));
        List<Fence> out = new ArrayList<>();
        if (e != null) {
            for (int i = 0; i < e.count; i++) {
                if (e.contains(i, probe)) {
                    out.add(e.fence(i).fence);
                }
            }
        }
        large.collect(probe, out);
        return out;
    }

    /** The stored cover of a fence (no cells for a large fence, which is kept apart). */
    public Optional<FenceCover> cover(FenceId id) {
        Registered r = fences.get(id);
        if (r == null) {
            return Optional.empty();
        }
        return Optional.of(new FenceCover(id, lattice.resolution(), cellIds(r.interiorKeys()), cellIds(r.boundaryKeys())));
    }

    private long[] cellIds(long[] keys) {
        long[] out = new long[keys.length];
        for (int i = 0; i < keys.length; i++) {
            out[i] = lattice.cellOf(keys[i]);
        }
        return out;
    }

    @Override
    public int resolution() {
        return lattice.resolution();
    }

    /**
     * Makes the probe's current candidates the fences that may hold its point (set with
     * {@link PointProbe#set}): those of its neighbourhood disc when the point is inside it, else those of the
     * cell holding the point, from the probe's memory when it holds that cell under the current version,
     * else from the cell map. A point in a remembered cell means the technician is lingering, so that is
     * when a disc is built around it (unless the point is in a disc found too crowded). The large fences
     * containing the point follow the cell's or disc's ({@link LargeFences}). Allocation-free, except when a disc
     * is built near a polygon's edge or a large polygon's answer is recomputed.
     */
    void locate(CachingProbe p) {
        large.locate(p);
        long v = version;
        if (p.discVersion != v && p.discVersion != CachingProbe.NO_VERSION) {
            revalidateDisc(p, v);
        }
        int disc = p.disc(v);
        if (disc == CachingProbe.IN_DISC) {
            return;
        }
        long key = keyOf(p);
        if (!p.recall(key, v, changes)) {
            p.remember(key, cells.get(key), v, changes.stampSlot(p.lat, p.lng));
        } else if (disc == CachingProbe.NO_DISC && p.wantsDisc(v)) {
            buildNeighbourhood(p, v);
        }
    }

    /**
     * Brings the probe's disc, built or last checked under an older version, up to version {@code v}: kept as
     * it is when no change since was stamped near it; else repaired with each logged change that reaches into
     * it (a fence added is classified against the disc, a fence removed leaves it); dropped when the log no
     * longer holds every change since.
     */
    private void revalidateDisc(CachingProbe p, long v) {
        long since = p.discVersion;
        if (changes.stamp(p.discStamp) <= since) {
            p.discVersion = v;
            return;
        }
        double radius = NEIGHBOURHOOD_RADIUS_M / GeoPoint.EARTH_RADIUS_M;
        double sinH = Math.sin((radius + DISC_MARGIN_RADIANS) / 2), cosH = Math.cos((radius + DISC_MARGIN_RADIANS) / 2);
        for (long u = since + 1; u <= v; u++) {
            FenceChanges.Change c = changes.change(u);
            if (c == null) {
                p.dropDisc();
                return;
            }
            double dx = p.discX - c.x(), dy = p.discY - c.y(), dz = p.discZ - c.z();
            if (dx * dx + dy * dy + dz * dz > c.discReach2() || p.discCrowded) {
                continue; // out of the disc's reach; a crowded disc holds no fences to repair
            }
            if (!c.added()) {
                p.removeDiscFence(c.fence().serial);
                continue;
            }
            CompiledFence f = c.fence();
            int kind = f instanceof CompiledFence.CircleFence circle
                    ? classifyByChord(p.discX - circle.cx, p.discY - circle.cy, p.discZ - circle.cz,
                            nearChord2(circle.chord2, sinH, cosH), farChord2(circle.chord2, sinH, cosH))
                    : classifier(f).classify(p.discX, p.discY, p.discZ, radius);
            if (kind != OUTSIDE) {
                p.addDiscFence(f, kind == INTERIOR);
            }
        }
        p.discVersion = v;
    }

    /**
     * Gives the probe a disc of {@value #NEIGHBOURHOOD_RADIUS_M} m around its point holding every fence that
     * reaches into it, read under version {@code v}: the fences of the blocks holding the cells that can hold
     * a point of the disc, each classified against the whole disc (outside ones dropped). More fences than
     * the probe holds, or a disc near an icosahedron edge, make a crowded disc, so pings there keep using
     * cells. Allocation-free for circles (a polygon's classification allocates).
     */
    private void buildNeighbourhood(CachingProbe p, long v) {
        double radius = NEIGHBOURHOOD_RADIUS_M / GeoPoint.EARTH_RADIUS_M;
        double rho = lattice.cellRadiusRadians();
        if (!lattice.farFromFaceEdges(p.x, p.y, p.z, radius + 2 * rho)) {
            p.crowdedDisc(v, radius, changes.stampSlot(p.lat, p.lng));
            return;
        }
        // the cells that can hold a point of the disc lie within these rings of the point's cell
        double sinH = Math.sin((radius + DISC_MARGIN_RADIANS) / 2), cosH = Math.cos((radius + DISC_MARGIN_RADIANS) / 2);
        double chordReach = 2 * sinH;
        int rings = rings(radius + rho), face = H3Lattice.face(p.lastKey);
        long a = H3Lattice.a(p.lastKey), b = H3Lattice.b(p.lastKey);
        p.beginDisc(v, radius, changes.stampSlot(p.lat, p.lng));
        for (long ba = (a - rings) >> BLOCK_SHIFT; ba <= (a + rings) >> BLOCK_SHIFT; ba++) {
            for (long bb = (b - rings) >> BLOCK_SHIFT; bb <= (b + rings) >> BLOCK_SHIFT; bb++) {
                CellEntry e = blocks.get(H3Lattice.blockKey(face, ba, bb));
                for (int i = 0; e != null && i < e.count; i++) {
                    if (!e.mayReach(i, p.x, p.y, p.z, chordReach)) {
                        continue; // most of a block's fences: decided from the block's records alone
                    }
                    double threshold = e.recordField(i, 3); // blocks hold circles' records and polygon marks
                    int kind = CellEntry.isPolygon(threshold) ? classifier(e.fence(i)).classify(p.x, p.y, p.z, radius)
                            : classifyByChord(p.x - e.recordField(i, 0), p.y - e.recordField(i, 1), p.z - e.recordField(i, 2),
                                    nearChord2(threshold, sinH, cosH), farChord2(threshold, sinH, cosH));
                    if (kind != OUTSIDE && !p.addDiscFence(e, i, kind == INTERIOR)) {
                        p.crowdedDisc(v, radius, changes.stampSlot(p.lat, p.lng));
                        return;
                    }
                }
            }
        }
        p.endDisc();
    }

    /**
     * The fence's cover keys in one array, allocated once: {@code interior}'s, then {@code boundary}'s, then the
     * blocks ({@link #BLOCK_SHIFT}) holding those cells, each block once.
     */
    private static Registered covered(CompiledFence f, double lat, double lng, double reach, Scratch lists) {
        LongList interior = lists.interior, boundary = lists.boundary, blocks = lists.blocks;
        blocks.clear();
        for (int c = 0; c < interior.n + boundary.n; c++) {
            long key = c < interior.n ? interior.a[c] : boundary.a[c - interior.n];
            long block = H3Lattice.blockKey(H3Lattice.face(key), H3Lattice.a(key) >> BLOCK_SHIFT, H3Lattice.b(key) >> BLOCK_SHIFT);
            int i = blocks.n - 1;
            while (i >= 0 && blocks.a[i] != block) { // a cover touches few blocks: a scan beats a set
                i--;
            }
            if (i < 0) {
                blocks.add(block);
            }
        }
        int cells = interior.n + boundary.n;
        long[] keys = new long[cells + blocks.n];
        System.arraycopy(interior.a, 0, keys, 0, interior.n);
        System.arraycopy(boundary.a, 0, keys, interior.n, boundary.n);
        System.arraycopy(blocks.a, 0, keys, cells, blocks.n);
        return new Registered(f, lat, lng, reach, false, keys, interior.n, cells);
    }

    /** The lattice key of the probe's cell (fast path first, H3 near edges); remembers it in the probe. */
    private long keyOf(PointProbe p) {
        long key = lattice.fastKey(p.x, p.y, p.z, p.lastKey == H3Lattice.NO_KEY ? 0 : H3Lattice.face(p.lastKey));
        if (key == H3Lattice.NO_KEY) {
            key = lattice.keyViaH3(p.lat, p.lng);
        }
        p.lastKey = key;
        return key;
    }

    // ---- cover computation --------------------------------------------------------------------

    private static final long[] NO_KEYS = {};

    /** The fence's place and cover, found with the scratch {@code lists} (cleared here). */
    private Registered cover(CompiledFence f, Scratch lists) {
        double lat, lng, reach;
        if (f instanceof CompiledFence.CircleFence c) {
            lat = c.lat;
            lng = c.lng;
            reach = c.radiusRadians;
        } else {
            CompiledFence.PolygonFence pf = (CompiledFence.PolygonFence) f;
            lat = (pf.minY + pf.maxY) / 2;
            lng = (pf.minX + pf.maxX) / 2;
            reach = 0;
            for (double[] corner : new double[][] {{pf.minY, pf.minX}, {pf.minY, pf.maxX}, {pf.maxY, pf.minX}, {pf.maxY, pf.maxX}}) {
                reach = Math.max(reach, GeoPoint.haversineMetres(lat, lng, corner[0], corner[1]) / GeoPoint.EARTH_RADIUS_M);
            }
        }
        double rho = lattice.cellRadiusRadians();
        double cellArea = Math.sqrt(3) / 2 * lattice.spacingRadians() * lattice.spacingRadians();
        if (Math.PI * (reach + rho) * (reach + rho) / cellArea > LARGE_COVER_CELLS && reach * GeoPoint.EARTH_RADIUS_M > LARGE_MIN_REACH_M) {
            return new Registered(f, lat, lng, reach, true, NO_KEYS, 0, 0);
        }
        Classifier classifier = classifier(f);
        LongList interior = lists.interior, boundary = lists.boundary;
        interior.clear();
        boundary.clear();
        if (lattice.farFromFaceEdges(lat, lng, reach + 2 * rho)) {
            long k0 = lattice.key(lat, lng);
            int rings = rings(reach + rho);
            double[] centre = lists.centre;
            for (int da = -rings; da <= rings; da++) {
                for (int db = Math.max(-rings, -da - rings); db <= Math.min(rings, -da + rings); db++) {
                    long key = H3Lattice.offset(k0, da, db);
                    lattice.centreUnit(key, centre);
                    classify(classifier.classify(centre[0], centre[1], centre[2], rho), key, interior, boundary);
                }
            }
        } else {
            // near an icosahedron edge cells are not one face's hexagons: ask H3, with a generous cell radius
            long cell0 = H3Runtime.h3().latLngToCell(lat, lng, lattice.resolution());
            for (long cell : H3Runtime.h3().gridDisk(cell0, rings(reach + rho) + 1)) {
                LatLng c = H3Runtime.h3().cellToLatLng(cell);
                double[] centre = H3Lattice.unit(c.lat, c.lng);
                classify(classifier.classify(centre[0], centre[1], centre[2], 2 * lattice.spacingRadians()),
                        lattice.keyOfCell(cell), interior, boundary);
            }
        }
        return covered(f, lat, lng, reach, lists);
    }

    /** Lattice rings around a cell that hold every cell centre within {@code reach} radians of a point in it. */
    private int rings(double reach) {
        return (int) Math.ceil(reach * MAX_STRETCH / (lattice.spacingRadians() * Math.sqrt(3) / 2)) + 1;
    }

    /** Classifies discs against fence {@code f}, conservatively (a 1 mm margin, boundary when in doubt). */
    private static Classifier classifier(CompiledFence f) {
        if (f instanceof CompiledFence.CircleFence c) {
            return new Classifier() { // a cover classifies every cell with the same radius: its chords are computed once
                private double rho = Double.NaN, near2, far2;

                @Override
                public int classify(double x, double y, double z, double cellRadius) {
                    if (cellRadius != rho) {
                        rho = cellRadius;
                        double sinH = Math.sin((rho + DELTA_RADIANS) / 2), cosH = Math.cos((rho + DELTA_RADIANS) / 2);
                        near2 = nearChord2(c.chord2, sinH, cosH);
                        far2 = farChord2(c.chord2, sinH, cosH);
                    }
                    return classifyByChord(x - c.cx, y - c.cy, z - c.cz, near2, far2);
                }
            };
        }
        CompiledFence.PolygonFence pf = (CompiledFence.PolygonFence) f;
        Coordinate probe = new Coordinate();
        return (x, y, z, rho) -> {
            double[] latLng = H3Lattice.latLngOf(x, y, z);
            probe.x = latLng[1];
            probe.y = latLng[0];
            // a disc of rho radians around the point lies within this many degrees in lng/lat space
            double rhoDeg = Math.toDegrees(rho + DELTA_RADIANS) * 1.01 / Math.cos(Math.min(Math.toRadians(89),
                    Math.toRadians(Math.abs(latLng[0])) + rho));
            boolean inside = pf.locator.locate(probe) != Location.EXTERIOR;
            double d = pf.boundaryDistance.distance(FenceShapes.FACTORY.createPoint(probe));
            if (inside && d > rhoDeg) {
                return INTERIOR;
            }
            return inside || d <= rhoDeg ? BOUNDARY : OUTSIDE;
        };
    }

    /*
     * A disc of rho radians against a circle, in chords (2 sin(angle / 2)) rather than angles: the disc is inside
     * when its centre is within the chord of radius - rho, outside beyond the chord of radius + rho. Half-angle
     * identities need square roots only, where inverse trigonometry per cell or fence would be most of a cover's
     * or a neighbourhood's cost; sinH and cosH are of rho / 2, margin included.
     */

    /** Squared chord of radius - rho for a circle whose radius has squared chord {@code radiusChord2}; -1 when negative. */
    private static double nearChord2(double radiusChord2, double sinH, double cosH) {
        double sinR = Math.sqrt(radiusChord2) / 2, cosR = Math.sqrt(1 - sinR * sinR); // of half the radius
        double near = 2 * (sinR * cosH - cosR * sinH);
        return near > 0 ? near * near : -1;
    }

    /** Squared chord of radius + rho; 5 (past any squared distance) when that reaches past the antipode. */
    private static double farChord2(double radiusChord2, double sinH, double cosH) {
        double sinR = Math.sqrt(radiusChord2) / 2, cosR = Math.sqrt(1 - sinR * sinR);
        double far = 2 * (sinR * cosH + cosR * sinH);
        return cosR * cosH - sinR * sinH > 0 ? far * far : 5;
    }

    /** INTERIOR, BOUNDARY or OUTSIDE for a disc whose centre is (dx, dy, dz) from the circle's. */
    private static int classifyByChord(double dx, double dy, double dz, double near2, double far2) {
        double chord2 = dx * dx + dy * dy + dz * dz;
        return chord2 <= near2 ? INTERIOR : chord2 <= far2 ? BOUNDARY : OUTSIDE;
    }

    private static final int OUTSIDE = 0, BOUNDARY = 1, INTERIOR = 2;

    private static void classify(int kind, long key, LongList interior, LongList boundary) {
        if (kind == INTERIOR) {
            interior.add(key);
        } else if (kind == BOUNDARY) {
            boundary.add(key);
        }
    }

    @FunctionalInterface
    private interface Classifier {
        /** OUTSIDE, BOUNDARY or INTERIOR for a disc centred at unit vector (x, y, z) with radius {@code rho} radians. */
        int classify(double x, double y, double z, double rho);
    }

    /** Angle between two unit vectors, accurate for small angles. */
    static double angle(double ax, double ay, double az, double bx, double by, double bz) {
        double cx = ay * bz - az * by, cy = az * bx - ax * bz, cz = ax * by - ay * bx;
        return Math.atan2(Math.sqrt(cx * cx + cy * cy + cz * cz), ax * bx + ay * by + az * bz);
    }

    /** A writer's scratch for covers: interior cells, boundary cells, blocks, a unit vector. Not thread-safe. */
    private static final class Scratch {
        final LongList interior = new LongList(), boundary = new LongList(), blocks = new LongList();
        final double[] centre = new double[3];
    }

    private static final class LongList {
        private long[] a = new long[32];
        private int n;

        void add(long v) {
            if (n == a.length) {
                a = Arrays.copyOf(a, n * 2);
            }
            a[n++] = v;
        }

        void clear() {
            n = 0;
        }
    }
}
