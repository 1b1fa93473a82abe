package io.github.geodispatch.leakage.internal;

import java.util.UUID;

/**
 * A set of event ids, for the monitor's idempotence: each id is kept as its two longs in one open-addressing table
 * (linear probing, at most three quarters full, doubled when it would be fuller), so an id added costs no entry
 * object and does not keep its {@link UUID}, and a job's few events fit in two cache lines. Not thread-safe.
 */
public final class EventIdSet {
    /** A job's events fed to the monitor (created, assigned, parts, invoice, ...) fit without growing. */
    private static final int INITIAL_SLOTS = 8;

    /** The slots, two longs each (most, then least significant bits); (0, 0) is an empty slot. */
    private long[] table = new long[2 * INITIAL_SLOTS];
    /** The ids in the table: all but the nil UUID, which cannot be told from an empty slot. */
    private int stored;
    private boolean hasNil;

    /** Adds {@code id}; true when it was not in the set. */
    public boolean add(UUID id) {
        long most = id.getMostSignificantBits();
        long least = id.getLeastSignificantBits();
        if (most == 0 && least == 0) {
            boolean added = !hasNil;
            hasNil = true;
            return added;
        }
        if (4 * (stored + 1) > 3 * slots()) {
            grow();
        }
        if (!insert(table, most, least)) {
            return false;
        }
        stored++;
        return true;
    }

    /** The number of ids in the set. */
    public int size() {
        return stored + (hasNil ? 1 : 0);
    }

    private int slots() {
        return table.length / 2;
    }

    /** Puts the id (not the nil one) in {@code into}; false when it is there already. */
    private static boolean insert(long[] into, long most, long least) {
        int mask = into.length / 2 - 1;
        // Fibonacci hashing of both halves: ids made from a stream key and a small version differ in few low bits
        int slot = (int) (((most ^ least) * 0x9E3779B97F4A7C15L) >>> 40) & mask;
        while (true) {
            long m = into[2 * slot];
            long l = into[2 * slot + 1];
            if (m == 0 && l == 0) {
                into[2 * slot] = most;
                into[2 * slot + 1] = least;
                return true;
            }
            if (m == most && l == least) {
                return false;
            }
            slot = (slot + 1) & mask;
        }
    }

    private void grow() {
        long[] larger = new long[table.length * 2];
        for (int i = 0; i < table.length; i += 2) {
            if (table[i] != 0 || table[i + 1] != 0) {
                insert(larger, table[i], table[i + 1]);
            }
        }
        table = larger;
    }
}
