package io.github.geodispatch.geofence;

import java.util.Arrays;

/**
 * A technician's point probe that remembers the {@value #CELLS} cells it was last located in, and which
 * of them holds its current point. A dwelling technician's GPS jitter wanders over a handful of cells,
 * so most pings find their cell here. A remembered cell with at most {@value #INLINE_FENCES} fences is
 * copied into this object's own arrays, so the hit path reads a few technician-local cache lines instead
 * of chasing a shared entry and its arrays scattered over the heap (what a lookup mostly waits for), and
 * writes no references (no garbage-collector write barrier). Cells are valid while the index version
 * they were read under is current. Owned by one thread at a time (a technician's state, under its lock).
 * Not thread-safe.
 */
class CachingProbe extends PointProbe {
    static final int CELLS = 8;
    static final int INLINE_FENCES = 4;
    /** Count of a slot whose cell has more fences than fit inline: the shared entry is used. */
    private static final int SHARED = 0xF;

    private long version = -1;
    private final long[] keys = new long[CELLS];
    /** Per slot, 4 bits: the number of fences copied inline, or {@link #SHARED}. */
    private long counts;
    private int nextSlot;
    /** The current cell: its slot, its fence count, and its first inline index (-1: the shared entry is used). */
    private int current;
    private int count;
    private int base;
    private final double[] data = new double[CELLS * INLINE_FENCES * CellEntry.STRIDE];
    private final CompiledFence[] fences = new CompiledFence[CELLS * INLINE_FENCES];
    private final CellEntry[] shared = new CellEntry[CELLS];

    /** Makes the remembered cell {@code key} read under index {@code version} current and returns true, or returns false. */
    boolean recall(long key, long version) {
        if (version != this.version) {
            this.version = version;
            Arrays.fill(keys, H3Lattice.NO_KEY);
            Arrays.fill(fences, null);
            Arrays.fill(shared, null);
            return false;
        }
        for (int slot = 0; slot < CELLS; slot++) {
            if (keys[slot] == key) {
                makeCurrent(slot);
                return true;
            }
        }
        return false;
    }

    /** Remembers cell {@code key} with its entry (null: no fence there), evicting round robin, and makes it current. */
    void remember(long key, CellEntry entry) {
        int slot = nextSlot;
        nextSlot = (slot + 1) % CELLS;
        keys[slot] = key;
        int n = entry == null ? 0 : entry.fences.length;
        int slotCount;
        if (n <= INLINE_FENCES) {
            int first = slot * INLINE_FENCES;
            if (n > 0) {
                System.arraycopy(entry.fences, 0, fences, first, n);
                System.arraycopy(entry.data, 0, data, first * CellEntry.STRIDE, n * CellEntry.STRIDE);
            }
            Arrays.fill(fences, first + n, first + INLINE_FENCES, null);
            shared[slot] = null;
            slotCount = n;
        } else {
            shared[slot] = entry;
            slotCount = SHARED;
        }
        counts = counts & ~(0xFL << (slot * 4)) | (long) slotCount << (slot * 4);
        makeCurrent(slot);
    }

    private void makeCurrent(int slot) {
        current = slot;
        int n = (int) (counts >>> (slot * 4)) & 0xF;
        if (n == SHARED) {
            count = shared[slot].fences.length;
            base = -1;
        } else {
            count = n;
            base = slot * INLINE_FENCES;
        }
    }

    /** The number of fences touching the current cell. */
    int candidates() {
        return count;
    }

    /** Fence {@code k} of the current cell. */
    CompiledFence candidate(int k) {
        return base >= 0 ? fences[base + k] : shared[current].fences[k];
    }

    /** The serial of fence {@code k} of the current cell. */
    long candidateSerial(int k) {
        return base >= 0 ? CellEntry.serial(data, base + k) : CellEntry.serial(shared[current].data, k);
    }

    /** Exact test of fence {@code k} of the current cell at this probe's point. */
    boolean candidateContains(int k) {
        if (base >= 0) {
            return CellEntry.contains(fences, data, base + k, this);
        }
        CellEntry e = shared[current];
        return CellEntry.contains(e.fences, e.data, k, this);
    }
}
