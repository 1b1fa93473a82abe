package io.github.geodispatch.geofence.internal;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The cell entries of an index, keyed by lattice key: lock-free, allocation-free reads (one slot load,
 * then the entry, whose key is compared in place); writers serialise per stripe. Open addressing with
 * linear probing; a cell whose fences are all removed keeps an empty entry until its stripe is rebuilt,
 * so probe chains never break under concurrent readers. Thread-safe.
 *
 * <p>A map made {@linkplain #CellMap(boolean) with rows} also keeps, beside each slot, a flat row of primitives:
 * the key, the fence count and the test records of the first {@value #ROW_FENCES} fences ({@link #readRow}). A
 * ping in a new cell reads that one row, whose address follows from the key's hash alone (the slot and the
 * entry it names are two dependent misses; a row's cache lines are fetched at once), and needs the entry only
 * for a cell of more fences or when it needs a fence object. A row is written under its stripe's lock inside a
 * sequence lock (odd while written), and readers retry a row read while it changed.
 */
final class CellMap {
    private static final int STRIPES = 64;
    /** Fences whose records a row holds. */
    static final int ROW_FENCES = 2;
    /** A row: its sequence number (odd while written), key, fence count, then the records as raw double bits. */
    private static final int ROW = 3 + ROW_FENCES * CellEntry.STRIDE;
    private static final VarHandle LONGS = MethodHandles.arrayElementVarHandle(long[].class);

    private final Stripe[] stripes = new Stripe[STRIPES];

    /** A map of entries only. */
    CellMap() {
        this(false);
    }

    /** A map of entries, and of flat rows beside them if {@code withRows}. */
    CellMap(boolean withRows) {
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new Stripe(withRows);
        }
    }

    /**
     * Copies the records of the first {@code min(count, }{@value #ROW_FENCES}{@code )} fences of cell {@code key} (as
     * its entry held them when read) into {@code out} at {@code offset}, and returns the cell's fence count: 0 when
     * it has no entry. Lock-free and allocation-free; only for a map with rows.
     */
    int readRow(long key, double[] out, int offset) {
        long h = mix(key);
        return stripes[(int) (h & (STRIPES - 1))].readRow(key, h >>> 6, out, offset);
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
        /** Row i mirrors slot i (same capacity and probing), or null in a map without rows; replaced with the slots. */
        private volatile long[] rows;
        private int used; // guarded by this

        Stripe(boolean withRows) {
            rows = withRows ? new long[16 * ROW] : null;
        }

        int readRow(long key, long hash, double[] out, int offset) {
            while (true) {
                long[] r = rows;
                int mask = r.length / ROW - 1;
                int i = (int) hash & mask;
                while (true) {
                    int o = i * ROW;
                    long seq = (long) LONGS.getAcquire(r, o);
                    long k = r[o + 1];
                    if (k != key && k != H3Lattice.NO_KEY) {
                        i = (i + 1) & mask; // a row's key never changes once set (a rebuild makes new rows)
                        continue;
                    }
                    int n = k == key ? (int) r[o + 2] : 0;
                    for (int f = 0, records = Math.min(n, ROW_FENCES) * CellEntry.STRIDE; f < records; f++) {
                        out[offset + f] = Double.longBitsToDouble(r[o + 3 + f]);
                    }
                    VarHandle.loadLoadFence();
                    if ((seq & 1) == 0 && r[o] == seq) {
                        return n;
                    }
                    break; // written meanwhile: read the stripe again
                }
            }
        }

        /** Writes slot {@code i}'s entry into row {@code i} of {@code r}, under the stripe lock, inside the row's sequence lock. */
        private static void writeRow(long[] r, int i, CellEntry e) {
            int o = i * ROW;
            long seq = r[o];
            LONGS.setOpaque(r, o, seq + 1);
            VarHandle.storeStoreFence();
            r[o + 1] = e.key;
            r[o + 2] = e.count;
            for (int j = 0; j < Math.min(e.count, ROW_FENCES); j++) {
                for (int f = 0; f < CellEntry.STRIDE; f++) {
                    r[o + 3 + j * CellEntry.STRIDE + f] = Double.doubleToRawLongBits(e.recordField(j, f));
                }
            }
            LONGS.setRelease(r, o, seq + 2);
        }

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
                    if (rows != null) {
                        writeRow(rows, i, entry);
                    }
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
            if (rows != null) {
                writeRow(rows, i, entry);
            }
            used++;
        }

        private AtomicReferenceArray<CellEntry> rebuild(AtomicReferenceArray<CellEntry> old) {
            int live = live();
            AtomicReferenceArray<CellEntry> t = new AtomicReferenceArray<>(Integer.highestOneBit(Math.max(16, live * 4)) * 2);
            int mask = t.length() - 1;
            long[] r = rows == null ? null : new long[t.length() * ROW];
            for (int j = 0; j < old.length(); j++) {
                CellEntry e = old.get(j);
                if (e != null && !e.isEmpty()) {
                    int i = (int) (mix(e.key) >>> 6) & mask;
                    while (t.get(i) != null) {
                        i = (i + 1) & mask;
                    }
                    t.set(i, e);
                    if (r != null) {
                        writeRow(r, i, e);
                    }
                }
            }
            used = live;
            if (r != null) {
                rows = r; // before the slots: rows are read on their own, and a row only ever holds a published entry
            }
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
