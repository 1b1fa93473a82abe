package io.github.geodispatch.geofence.internal;

/**
 * The ping ids of one technician seen within a retention horizon, held as 64-bit fingerprints with each
 * id's ping time in a ring in arrival order (stride 2: fingerprint, time). A lookup scans the retained
 * ids (a few dozen at the 10-30 s ping rate of a phone: a few contiguous cache lines, no hashing, no
 * rehashing); ids before the horizon drop off the head; nothing is stored by reference, so the ping path
 * pays no garbage-collector write barrier. A replayed id always has the same fingerprint, so every
 * duplicate is caught; two different ids are confused only if their fingerprints collide, with
 * probability about 2^-64 per pair of ids retained together. A 128-bit filter of the fingerprints in the
 * ring (rebuilt from the live ids after every ring's worth of insertions, so expired ids do not clog it)
 * answers most new ids without the scan. The ring grows when the retained ids need it and never shrinks,
 * so steady streams allocate nothing.
 *
 * <p>It is a layer of the technician's state object (which extends it), over the state's point probe:
 * with 1,000 technicians' pings interleaved, a ping's state is out of the core's first-level cache, and a separate
 * object in between would put one more dependent memory load on every ping (about 10-25 ns of the
 * median at 100,000 fences, in paired benchmark runs). Not thread-safe (guarded by the technician's lock).
 */
class RecentPingIds extends CachingProbe {
    private long[] ring = new long[2 * 16];
    private int head;
    private int size;
    /** Bit (fingerprint mod 128) is set for every id in the ring at or after the horizon (and maybe others). */
    private long filterLow, filterHigh;
    private int insertsSinceFilterRebuilt;

    /**
     * Records {@code id} and returns true, or returns false if it was already recorded at or after
     * {@code horizonMillis} (a duplicate). Ids recorded before the horizon are forgotten once they reach
     * the head of the ring (arrival order) or when the ring fills up: an id is kept a little longer, never less.
     * The horizon must not move backwards from one call to the next.
     */
    boolean addIfAbsent(String id, long atMillis, long horizonMillis) {
        int mask = ring.length / 2 - 1;
        while (size > 0 && ring[2 * head + 1] < horizonMillis) {
            head = (head + 1) & mask;
            size--;
        }
        long fp = fingerprint(id);
        if (mayContain(fp) && contains(fp, horizonMillis)) {
            return false;
        }
        if (size == mask + 1) {
            mask = compactOrGrow(horizonMillis);
        }
        int tail = (head + size) & mask;
        ring[2 * tail] = fp;
        ring[2 * tail + 1] = atMillis;
        size++;
        if (++insertsSinceFilterRebuilt > mask) {
            rebuildFilter(horizonMillis);
        } else {
            addToFilter(fp);
        }
        return true;
    }

    /** True if the ring holds {@code fp} at or after the horizon (the scan behind a positive filter). */
    private boolean contains(long fp, long horizonMillis) {
        int mask = ring.length / 2 - 1;
        for (int k = 0, i = head; k < size; k++, i = (i + 1) & mask) {
            if (ring[2 * i] == fp && ring[2 * i + 1] >= horizonMillis) {
                return true;
            }
        }
        return false;
    }

    private boolean mayContain(long fp) {
        long word = (fp & 64) == 0 ? filterLow : filterHigh;
        return (word & (1L << fp)) != 0; // shifts use the low 6 bits
    }

    private void addToFilter(long fp) {
        if ((fp & 64) == 0) {
            filterLow |= 1L << fp;
        } else {
            filterHigh |= 1L << fp;
        }
    }

    /** The filter of the ids at or after the horizon (the horizon only moves forward: the others are gone for good). */
    private void rebuildFilter(long horizonMillis) {
        filterLow = 0;
        filterHigh = 0;
        int mask = ring.length / 2 - 1;
        for (int k = 0; k < size; k++) {
            int i = (head + k) & mask;
            if (ring[2 * i + 1] >= horizonMillis) {
                addToFilter(ring[2 * i]);
            }
        }
        insertsSinceFilterRebuilt = 0;
    }

    /**
     * Makes room in a full ring: drops every id before the horizon, not only those at the head (an id far
     * ahead of the others must not hold expired ones behind it), and doubles the ring only if that frees
     * less than a quarter of it. Keeps arrival order; allocates only to grow; returns the new index mask.
     */
    private int compactOrGrow(long horizonMillis) {
        int capacity = ring.length / 2, mask = capacity - 1;
        int live = 0;
        for (int k = 0; k < size; k++) {
            if (ring[2 * ((head + k) & mask) + 1] >= horizonMillis) {
                live++;
            }
        }
        boolean grow = live * 4 > capacity * 3;
        long[] target = grow ? new long[ring.length * 2] : ring;
        int base = grow ? 0 : head, targetMask = target.length / 2 - 1;
        int n = 0;
        for (int k = 0; k < size; k++) { // in place, slot n of the ring is never ahead of slot k: nothing unread is overwritten
            int i = (head + k) & mask;
            if (ring[2 * i + 1] >= horizonMillis) {
                int j = (base + n) & targetMask;
                target[2 * j] = ring[2 * i];
                target[2 * j + 1] = ring[2 * i + 1];
                n++;
            }
        }
        ring = target;
        head = base;
        size = n;
        return targetMask;
    }

    /** The ids the ring holds before it must make room. */
    int capacity() {
        return ring.length / 2;
    }

    /** A 64-bit hash of the id's characters: two FNV-1a lanes (for speed), then a full avalanche mix. */
    static long fingerprint(String id) {
        long a = 0xcbf29ce484222325L, b = 0x84222325cbf29ce4L ^ id.length();
        int n = id.length(), i = 0;
        for (; i + 1 < n; i += 2) {
            a = (a ^ id.charAt(i)) * 0x100000001b3L;
            b = (b ^ id.charAt(i + 1)) * 0x100000001b3L;
        }
        if (i < n) {
            a = (a ^ id.charAt(i)) * 0x100000001b3L;
        }
        return CellMap.mix(a ^ Long.rotateLeft(b, 29));
    }
}
