package io.github.geodispatch.journal.internal;

import java.util.Arrays;

/**
 * Values found by the characters of their key, without making a string of them: an open-addressing table
 * (linear probing) of at most {@value #CAPACITY} keys, emptied when it fills (it is a cache). For the ids that
 * repeat on every journal line. Not thread-safe.
 */
final class CharKeyCache<V> {
    static final int CAPACITY = 1 << 15;
    private static final int SLOT_BITS = 16;
    private static final int SLOTS = 1 << SLOT_BITS; // twice the capacity
    private final String[] keys = new String[SLOTS];
    private final Object[] values = new Object[SLOTS];
    private int size;

    /** The value kept for the key {@code chars[offset, offset + length)}, or null. */
    @SuppressWarnings("unchecked")
    V get(char[] chars, int offset, int length) {
        int slot = hash(chars, offset, length) & (SLOTS - 1);
        String key;
        while ((key = keys[slot]) != null) {
            if (key.length() == length && same(key, chars, offset)) {
                return (V) values[slot];
            }
            slot = (slot + 1) & (SLOTS - 1);
        }
        return null;
    }

    void put(String key, V value) {
        if (size == CAPACITY) {
            clear();
        }
        char[] chars = key.toCharArray();
        int slot = hash(chars, 0, chars.length) & (SLOTS - 1);
        while (keys[slot] != null) {
            if (keys[slot].equals(key)) {
                values[slot] = value;
                return;
            }
            slot = (slot + 1) & (SLOTS - 1);
        }
        keys[slot] = key;
        values[slot] = value;
        size++;
    }

    void clear() {
        Arrays.fill(keys, null);
        Arrays.fill(values, null);
        size = 0;
    }

    /** Whether {@code key} equals the characters at {@code chars[offset, offset + key.length())}. */
    static boolean same(String key, char[] chars, int offset) {
        for (int i = 0; i < key.length(); i++) {
            if (key.charAt(i) != chars[offset + i]) {
                return false;
            }
        }
        return true;
    }

    private static int hash(char[] chars, int offset, int length) {
        int h = 0;
        for (int i = offset; i < offset + length; i++) {
            h = 31 * h + chars[i];
        }
        // Fibonacci hashing: the slot is the product's high bits. Sequential ids (J-000001, J-000002, ...) have
        // String hashes in runs that a mask of the low bits packed into clusters of ~45 probes per lookup.
        return (h * 0x9E3779B9) >>> (Integer.SIZE - SLOT_BITS);
    }
}
