package io.github.geodispatch.geofence;

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A {@code long}-keyed map for the ping path: lock-free, allocation-free reads; writers serialise per
 * stripe. Open addressing with linear probing; a removed mapping keeps its key with a {@code null}
 * value until the stripe's table is rebuilt, so probe chains never break under concurrent readers.
 * Key {@code 0} is reserved. Thread-safe.
 */
final class ConcurrentLongMap<V> {
    private static final int STRIPES = 64;

    private final Stripe<V>[] stripes;

    @SuppressWarnings("unchecked")
    ConcurrentLongMap() {
        stripes = new Stripe[STRIPES];
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new Stripe<>();
        }
    }

    V get(long key) {
        long h = mix(key);
        return stripes[(int) (h & (STRIPES - 1))].get(key, h >>> 6);
    }

    /** Maps {@code key} to {@code value}; a {@code null} value removes the mapping. */
    void put(long key, V value) {
        if (key == 0) {
            throw new IllegalArgumentException("key 0 is reserved");
        }
        long h = mix(key);
        stripes[(int) (h & (STRIPES - 1))].put(key, h >>> 6, value);
    }

    /** Number of live (non-null) mappings; O(capacity), for diagnostics and tests. */
    long size() {
        long n = 0;
        for (Stripe<V> s : stripes) {
            n += s.live;
        }
        return n;
    }

    private static long mix(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }

    private static final class Table<V> {
        final AtomicLongArray keys;
        final AtomicReferenceArray<V> values;
        final int mask;

        Table(int capacity) {
            keys = new AtomicLongArray(capacity);
            values = new AtomicReferenceArray<>(capacity);
            mask = capacity - 1;
        }
    }

    private static final class Stripe<V> {
        private volatile Table<V> table = new Table<>(16);
        private int used; // slots holding a key (live or removed); guarded by this
        private int live; // slots holding a value; guarded by this

        V get(long key, long hash) {
            Table<V> t = table;
            int i = (int) hash & t.mask;
            while (true) {
                long k = t.keys.get(i);
                if (k == key) {
                    return t.values.get(i);
                }
                if (k == 0) {
                    return null;
                }
                i = (i + 1) & t.mask;
            }
        }

        synchronized void put(long key, long hash, V value) {
            Table<V> t = table;
            int i = (int) hash & t.mask;
            while (true) {
                long k = t.keys.get(i);
                if (k == key) {
                    V old = t.values.get(i);
                    live += (value != null ? 1 : 0) - (old != null ? 1 : 0);
                    t.values.set(i, value);
                    return;
                }
                if (k == 0) {
                    break;
                }
                i = (i + 1) & t.mask;
            }
            if (value == null) {
                return;
            }
            if ((used + 1) * 4 > (t.mask + 1) * 3) {
                t = rebuild(t);
                i = (int) hash & t.mask;
                while (t.keys.get(i) != 0) {
                    i = (i + 1) & t.mask;
                }
            }
            t.values.set(i, value); // value first: a reader that sees the key sees the value
            t.keys.set(i, key);
            used++;
            live++;
        }

        private Table<V> rebuild(Table<V> old) {
            int capacity = Integer.highestOneBit(Math.max(16, live * 4)) ;
            Table<V> t = new Table<>(capacity);
            int n = 0;
            for (int j = 0; j <= old.mask; j++) {
                long k = old.keys.get(j);
                V v = old.values.get(j);
                if (k != 0 && v != null) {
                    int i = (int) (mix(k) >>> 6) & t.mask;
                    while (t.keys.get(i) != 0) {
                        i = (i + 1) & t.mask;
                    }
                    t.values.set(i, v);
                    t.keys.set(i, k);
                    n++;
                }
            }
            used = n;
            table = t;
            return t;
        }
    }
}
