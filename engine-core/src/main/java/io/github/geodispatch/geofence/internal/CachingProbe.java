package io.github.geodispatch.geofence.internal;
import java.util.Arrays;

/**
 * A technician's point probe that remembers the {@value #CELLS} cells it was last located in, and which
 * of them holds its current point. A dwelling technician's GPS jitter wanders over a handful of cells,
 * so most pings find their cell here. The test records of a remembered cell with at most
 * {@value #INLINE_FENCES} fences are copied into this object's own array, so the hit path reads a few
 * technician-local cache lines instead of a shared entry scattered over the heap (what a lookup mostly
 * waits for), and writes no references (no garbage-collector write barrier); fence objects are read from
 * the entry only when needed (a stay opening, a polygon test). A cell is used as read under an index version
 * while no change since was stamped near it ({@link FenceChanges}); then it is read again.
 *
 * <p>A lingering technician also gets a <em>neighbourhood</em>: a disc around a point they returned to,
 * with the test records of every fence that reaches into it (at most {@value #DISC_FENCES}; a fence
 * covering the whole disc needs no test). A point inside the disc can only be in those fences, so it is
 * answered from them with one dot product for the disc and none of the cell arithmetic. The index builds it
 * ({@link H3CoverFenceIndex#locate}) and, when the version moves on, keeps it if no change was stamped near
 * it, repairs it with the logged changes that reach into it, or drops it. Owned
 * by one thread at a time (a technician's state, under its lock). Not thread-safe.
 */
class CachingProbe extends PointProbe {
    static final int CELLS = 8;
    static final int INLINE_FENCES = 4;
    static final int DISC_FENCES = 8;
    /** The pseudo-slot of the neighbourhood disc. */
    private static final int DISC = CELLS;
    private static final int DISC_BASE = CELLS * INLINE_FENCES;
    /** What {@link #disc} found: the point is in the usable disc (now current), in a disc too crowded to use, or neither. */
    static final int IN_DISC = 0, IN_CROWDED_DISC = 1, NO_DISC = 2;
    /** Count of a slot whose cell has more fences than fit inline: the shared entry is used. */
    private static final int SHARED = 0xF;

    private final long[] keys = new long[CELLS];
    /** Per slot, the index version its cell was read or last found untouched under, and its stamp slot. */
    private final long[] slotVersions = new long[CELLS];
    private final int[] slotStamps = new int[CELLS];
    /** Per slot, 4 bits: the number of fences copied inline, or {@link #SHARED}. */
    private long counts;
    private int nextSlot;
    /** The current cell: its slot ({@link #DISC}: the disc), its fence count, and its first inline index (-1: the shared entry is used). */
    private int current;
    private int count;
    private int base;
    private final double[] data = new double[(DISC_BASE + DISC_FENCES) * CellEntry.STRIDE];
    /** Per slot, the cell's entry (null: no fence there): for the fence objects, read only when needed. */
    private final CellEntry[] entries = new CellEntry[CELLS];

    // the neighbourhood disc: centre, cosine of its radius (2: none), the version it was built or last checked
    // under, its stamp slot, and its fences (their records at DISC_BASE in data); a crowded disc has none. The
    // index reads and writes these when it revalidates the disc.
    double discX, discY, discZ;
    private double discCos = 2;
    long discVersion = NO_VERSION;
    int discStamp;
    boolean discCrowded;
    private int discCount;
    /**
     * Pings the disc has answered (a crowded one counts as plenty), located pings to wait before building
     * another, and how many discs in a row were left within {@link #MIN_DISC_PINGS} pings.
     */
    private int discPings, backoff, shortDiscsInARow;
    /** Consecutive pings outside the (valid) disc. */
    private int outsideInARow;
    static final long NO_VERSION = -1;
    private static final int MIN_DISC_PINGS = 16, FIRST_BACKOFF_PINGS = 4, MAX_BACKOFF_DOUBLINGS = 4;
    private final CompiledFence[] discFences = new CompiledFence[DISC_FENCES];

    // the large-fence answer (LargeFences): the version it was computed under, the point it holds around and the
    // squared chord it holds within, and the large fences containing that point
    private long largeVersion = NO_VERSION;
    private double largeX, largeY, largeZ, largeChord2 = -1;
    private int largeCount;
    private CompiledFence[] largeFences = new CompiledFence[2];

    // sines and cosines of an exactly computed anchor position (NaN: none yet), for set()
    private double anchorLat = Double.NaN, anchorLng, sinAnchorLat, cosAnchorLat, sinAnchorLng, cosAnchorLng;
    /** Within this many radians of the anchor, set() uses angle addition with short series (error below 1e-16). */
    private static final double NEAR_ANCHOR = 0.02;

    /**
     * As {@link PointProbe#set}, but a technician's consecutive positions are close together, so the unit
     * vector comes from the last exactly computed anchor by angle addition, with the sine and cosine of the
     * small offsets as short Taylor series: a few multiplications instead of four trigonometric calls.
     * Farther than 0.02 rad (127 km) from the anchor the position is computed exactly and becomes the anchor.
     */
    @Override
    void set(double lat, double lng) {
        double la = Math.toRadians(lat), lo = Math.toRadians(lng);
        double dLat = la - anchorLat, dLng = lo - anchorLng;
        if (!(Math.abs(dLat) < NEAR_ANCHOR && Math.abs(dLng) < NEAR_ANCHOR)) { // also true while there is no anchor
            super.set(lat, lng);
            anchorLat = la;
            anchorLng = lo;
            sinAnchorLat = z;
            cosAnchorLat = Math.cos(la);
            sinAnchorLng = Math.sin(lo);
            cosAnchorLng = Math.cos(lo);
            return;
        }
        this.lat = lat;
        this.lng = lng;
        double sinDLat = sinSmall(dLat), cosDLat = cosSmall(dLat), sinDLng = sinSmall(dLng), cosDLng = cosSmall(dLng);
        double cosLat = cosAnchorLat * cosDLat - sinAnchorLat * sinDLat;
        x = cosLat * (cosAnchorLng * cosDLng - sinAnchorLng * sinDLng);
        y = cosLat * (sinAnchorLng * cosDLng + cosAnchorLng * sinDLng);
        z = sinAnchorLat * cosDLat + cosAnchorLat * sinDLat;
    }

    /** sin d for |d| < 0.02 to within an ulp (the next series term is below 1e-20). */
    private static double sinSmall(double d) {
        double d2 = d * d;
        return d * (1 + d2 * (-1.0 / 6 + d2 * (1.0 / 120 + d2 * (-1.0 / 5040))));
    }

    /** cos d for |d| < 0.02 to within an ulp. */
    private static double cosSmall(double d) {
        double d2 = d * d;
        return 1 + d2 * (-0.5 + d2 * (1.0 / 24 + d2 * (-1.0 / 720 + d2 * (1.0 / 40320))));
    }

    /**
     * Makes the remembered cell {@code key} current and returns true if it is held and still right under index
     * {@code version} (read under it, or under an older one with no change stamped near it since); else
     * returns false, forgetting the cell if a change came near it.
     */
    boolean recall(long key, long version, FenceChanges changes) {
        for (int slot = 0; slot < CELLS; slot++) {
            if (keys[slot] == key) {
                if (slotVersions[slot] != version) {
                    if (changes.stamp(slotStamps[slot]) > slotVersions[slot]) {
                        keys[slot] = H3Lattice.NO_KEY; // a change near it: read it again
                        entries[slot] = null;
                        return false;
                    }
                    slotVersions[slot] = version;
                }
                makeCurrent(slot);
                return true;
            }
        }
        return false;
    }

    /**
     * Remembers cell {@code key} with its entry (null: no fence there) read under index {@code version}, and the
     * stamp slot of this probe's point (in the cell), evicting round robin; makes it current.
     */
    void remember(long key, CellEntry entry, long version, int stampSlot) {
        int slot = nextSlot;
        nextSlot = (slot + 1) % CELLS;
        keys[slot] = key;
        entries[slot] = entry;
        slotVersions[slot] = version;
        slotStamps[slot] = stampSlot;
        int n = entry == null ? 0 : entry.count;
        int slotCount = SHARED;
        if (n <= INLINE_FENCES) {
            if (n > 0) {
                entry.copyRecords(data, slot * INLINE_FENCES * CellEntry.STRIDE);
            }
            slotCount = n;
        }
        counts = counts & ~(0xFL << (slot * 4)) | (long) slotCount << (slot * 4);
        makeCurrent(slot);
    }

    private void makeCurrent(int slot) {
        current = slot;
        int n = (int) (counts >>> (slot * 4)) & 0xF;
        if (n == SHARED) {
            count = entries[slot].count;
            base = -1;
        } else {
            count = n;
            base = slot * INLINE_FENCES;
        }
    }

    /**
     * Whether this probe's point lies in its neighbourhood disc built under index {@code version}:
     * {@link #IN_DISC} (the disc's fences are now the candidates), {@link #IN_CROWDED_DISC} (there is no
     * use building one here again) or {@link #NO_DISC}.
     */
    int disc(long version) {
        if (version != discVersion) {
            return NO_DISC;
        }
        if (x * discX + y * discY + z * discZ < discCos) {
            outsideInARow++;
            return NO_DISC;
        }
        outsideInARow = 0;
        if (discCrowded) {
            return IN_CROWDED_DISC;
        }
        current = DISC;
        count = discCount;
        base = DISC_BASE;
        discPings++;
        return IN_DISC;
    }

    /**
     * Whether a disc should be built now, under index {@code version} (the point is in a remembered cell,
     * outside any disc): not while backing off after a disc left within {@value #MIN_DISC_PINGS} pings (for 4
     * located pings, doubling up to 64 while such discs come in a row: a technician wandering wider than a
     * disc would otherwise rebuild one on most pings), nor for a single ping outside a disc that served well
     * and is still valid (more likely a GPS outlier than a move: a disc centred on it would be left at once).
     */
    boolean wantsDisc(long version) {
        if (backoff > 0) {
            backoff--;
            return false;
        }
        if (discVersion == NO_VERSION) {
            return true;
        }
        if (discPings < MIN_DISC_PINGS) {
            discVersion = NO_VERSION; // forgotten: the next is built once the wait is over
            backoff = FIRST_BACKOFF_PINGS << shortDiscsInARow;
            shortDiscsInARow = Math.min(shortDiscsInARow + 1, MAX_BACKOFF_DOUBLINGS);
            return false;
        }
        shortDiscsInARow = 0;
        return discVersion != version || outsideInARow > 1;
    }

    /**
     * Starts a disc of angular radius {@code radius} around this probe's point (in stamp slot {@code stampSlot}),
     * under index {@code version}, with no fences yet.
     */
    void beginDisc(long version, double radius, int stampSlot) {
        discX = x;
        discY = y;
        discZ = z;
        discCos = Math.cos(radius);
        discVersion = version;
        discStamp = stampSlot;
        discCrowded = false;
        discPings = 0;
        outsideInARow = 0;
        Arrays.fill(discFences, 0, discCount, null);
        discCount = 0;
    }

    /**
     * Adds fence {@code i} of {@code entry} (once: a repeat changes nothing) to the disc begun, its record
     * copied from the entry, as covering all of the disc or not; returns false if the disc holds no more.
     */
    boolean addDiscFence(CellEntry entry, int i, boolean coversDisc) {
        double serial = entry.recordField(i, 4);
        for (int k = 0; k < discCount; k++) {
            if (data[(DISC_BASE + k) * CellEntry.STRIDE + 4] == serial) {
                return true;
            }
        }
        if (discCount == DISC_FENCES) {
            return false;
        }
        int o = (DISC_BASE + discCount) * CellEntry.STRIDE;
        for (int f = 0; f < CellEntry.STRIDE; f++) {
            data[o + f] = entry.recordField(i, f);
        }
        if (coversDisc) {
            data[o + 3] = CellEntry.COVERS_CELL;
        }
        discFences[discCount++] = entry.fence(i);
        return true;
    }

    /**
     * Adds {@code fence}, added to the index after the disc was built, to the disc (once: a repeat changes
     * nothing), as covering all of it or not; a disc that holds no more becomes crowded.
     */
    void addDiscFence(CompiledFence fence, boolean coversDisc) {
        for (int k = 0; k < discCount; k++) {
            if (discFences[k] == fence) {
                return;
            }
        }
        if (discCount == DISC_FENCES) {
            discCrowded = true;
            Arrays.fill(discFences, 0, discCount, null);
            discCount = 0;
            return;
        }
        int o = (DISC_BASE + discCount) * CellEntry.STRIDE;
        if (fence instanceof CompiledFence.CircleFence c) {
            data[o] = c.cx;
            data[o + 1] = c.cy;
            data[o + 2] = c.cz;
            data[o + 3] = c.chord2;
        } else {
            data[o] = 0;
            data[o + 1] = 0;
            data[o + 2] = 0;
            data[o + 3] = Double.NaN;
        }
        if (coversDisc) {
            data[o + 3] = CellEntry.COVERS_CELL;
        }
        data[o + 4] = fence.serial;
        discFences[discCount++] = fence;
    }

    /** Removes the fence with {@code serial}, removed from the index, from the disc if it holds it. */
    void removeDiscFence(long serial) {
        for (int k = 0; k < discCount; k++) {
            if (discFences[k].serial == serial) {
                int last = --discCount;
                System.arraycopy(data, (DISC_BASE + last) * CellEntry.STRIDE, data, (DISC_BASE + k) * CellEntry.STRIDE, CellEntry.STRIDE);
                discFences[k] = discFences[last];
                discFences[last] = null;
                return;
            }
        }
    }

    /** Forgets the disc (a change it could not be checked against): the next lingering ping builds another. */
    void dropDisc() {
        discVersion = NO_VERSION;
        Arrays.fill(discFences, 0, discCount, null);
        discCount = 0;
    }

    /** Ends the disc begun and makes its fences the current candidates. */
    void endDisc() {
        disc(discVersion);
    }

    /** Makes the disc of {@code radius} around this point (in stamp slot {@code stampSlot}) a crowded one (the current cell stays current). */
    void crowdedDisc(long version, double radius, int stampSlot) {
        beginDisc(version, radius, stampSlot);
        discCrowded = true;
        discPings = MIN_DISC_PINGS; // leaving it is no reason to back off
    }

    /** Whether the large-fence answer computed under layer {@code version} holds at this probe's point. */
    boolean largeAnswerHolds(long version) {
        double dx = x - largeX, dy = y - largeY, dz = z - largeZ;
        return version == largeVersion && dx * dx + dy * dy + dz * dz <= largeChord2;
    }

    /** Starts a large-fence answer at this probe's point under layer {@code version}, with no fences yet. */
    void beginLargeAnswer(long version) {
        largeVersion = version;
        largeX = x;
        largeY = y;
        largeZ = z;
        Arrays.fill(largeFences, 0, largeCount, null);
        largeCount = 0;
    }

    /** Adds a large fence containing the point to the answer begun, once (grows the array the first time it holds more). */
    void addLargeFence(CompiledFence fence) {
        for (int k = 0; k < largeCount; k++) {
            if (largeFences[k] == fence) {
                return;
            }
        }
        if (largeCount == largeFences.length) {
            largeFences = Arrays.copyOf(largeFences, largeCount * 2);
        }
        largeFences[largeCount++] = fence;
    }

    /** Ends the answer begun: it holds for points within squared chord {@code chord2} of where it was computed. */
    void endLargeAnswer(double chord2) {
        largeChord2 = chord2;
    }

    /** True when the current candidates are the neighbourhood disc's (not a cell's). */
    boolean inDisc() {
        return current == DISC;
    }

    /**
     * The number of candidate fences: those touching the current cell (or disc), then the large fences
     * containing the point (which need no test).
     */
    int candidates() {
        return count + largeCount;
    }

    /** Candidate fence {@code k} (read from its entry: a stay opening, a polygon test). */
    CompiledFence candidate(int k) {
        if (k >= count) {
            return largeFences[k - count];
        }
        return current == DISC ? discFences[k] : entries[current].fence(k);
    }

    /** The serial of candidate fence {@code k}. */
    long candidateSerial(int k) {
        if (k >= count) {
            return largeFences[k - count].serial;
        }
        return base >= 0 ? CellEntry.serial(data, (base + k) * CellEntry.STRIDE) : entries[current].serial(k);
    }

    /** Exact test of candidate fence {@code k} at this probe's point. */
    boolean candidateContains(int k) {
        if (k >= count) {
            return true;
        }
        if (base >= 0) {
            int o = (base + k) * CellEntry.STRIDE;
            // only a polygon's test reads the fence object
            return CellEntry.isPolygon(data[o + 3]) ? candidate(k).contains(this) : CellEntry.passes(data, o, this);
        }
        return entries[current].contains(k, this);
    }
}
