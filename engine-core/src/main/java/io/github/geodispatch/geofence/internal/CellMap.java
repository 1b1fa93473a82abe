package io.github.geodispatch.geofence.internal;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The cell entries of an index, keyed by lattice key: lock-free, allocation-free reads (one slot load,
 * then the entry, whose key is compared in place); writers serialise per stripe. Open addressing with
 * linear probing; a cell whose fences are all removed keeps an empty entry until its stripe is rebuilt,
 * so probe chains never break under concurrent readers. Thread-safe.
 */
final class CellMap {
    private static final int STRIPES = 64;

    private final Stripe[] stripes = new Stripe[STRIPES];

    CellMap() {
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new Stripe();
        }
    }

    /** The entry for {@code key}, or null. The entry may be empty. */
    CellEntry get(long key) {
        long h = mix(key);
        return stripes[(int) (h & (STRIPES - 1))].get(key, h >>> 6);
    }

    /** Puts {@code entry} under its key, replacing any entry with the same key. */
    void put(CellEntry entry) {
        long h = mix(entry.key);
        stripes[(int) (h & (STRIPES - 1))].put(entry, h >>> 6);
    }

    /** A full 64-bit avalanche (MurmurHash3's finaliser): every input bit affects every output bit. */
    static long mix(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }

    private static final class Stripe {
        private volatile AtomicReferenceArray<CellEntry> slots = new AtomicReferenceArray<>(16);
        private int used; // guarded by this

        CellEntry get(long key, long hash) {
            AtomicReferenceArray<CellEntry> t = slots;
            int mask = t.length() - 1;
            int i = (int) hash & mask;
            while (true) {
                CellEntry e = t.get(i);
                if (e == null || e.key == key) {
                    return e;
                }
                i = (i + 1) & mask;
            }
        }

        synchronized void put(CellEntry entry, long hash) {
            AtomicReferenceArray<CellEntry> t = slots;
            int mask = t.length() - 1;
            int i = (int) hash & mask;
            while (true) {
                CellEntry e = t.get(i);
                if (e == null) {
                    break;
                }
                if (e.key == entry.key) {
                    t.set(i, entry);
                    return;
                }
                i = (i + 1) & mask;
            }
            if ((used + 1) * 2 > t.length()) {
                t = rebuild(t);
                mask = t.length() - 1;
                i = (int) hash & mask;
                while (t.get(i) != null) {
                    i = (i + 1) & mask;
                }
            }
            t.set(i, entry);
            used++;
        }

        private AtomicReferenceArray<CellEntry> rebuild(AtomicReferenceArray<CellEntry> old) {
            int live = live();
            AtomicReferenceArray<CellEntry> t = new AtomicReferenceArray<>(Integer.highestOneBit(Math.max(16, live * 4)) * 2);
            int mask = t.length() - 1;
            for (int j = 0; j < old.length(); j++) {
                CellEntry e = old.get(j);
                if (e != null && !e.isEmpty()) {
                    int i = (int) (mix(e.key) >>> 6) & mask;
                    while (t.get(i) != null) {
                        i = (i + 1) & mask;
                    }
                    t.set(i, e);
                }
            }
            used = live;
            slots = t;
            return t;
        }

        /** Non-empty entries; called by {@link #rebuild} under the stripe lock. */
        private int live() {
            AtomicReferenceArray<CellEntry> t = slots;
            int n = 0;
            for (int j = 0; j < t.length(); j++) {
                CellEntry e = t.get(j);
                if (e != null && !e.isEmpty()) {
                    n++;
                }
            }
            return n;
        }
    }
}
