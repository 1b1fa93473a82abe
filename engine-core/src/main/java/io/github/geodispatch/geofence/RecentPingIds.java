package io.github.geodispatch.geofence;

/**
 * The ping ids of one technician seen within a retention horizon: an open-addressing string set with
 * each id's ping time. When it fills up it is rebuilt in place (double-buffered) keeping only ids at or
 * after the horizon, and grows only if they still fill it; steady streams therefore allocate nothing.
 * Not thread-safe (guarded by the technician's lock).
 */
final class RecentPingIds {
    private String[] ids = new String[32];
    private long[] times = new long[32];
    private String[] spareIds = new String[32];
    private long[] spareTimes = new long[32];
    private int size;

    /**
     * Records {@code id} and returns true, or returns false if it was already recorded at or after
     * {@code horizonMillis} (a duplicate). An entry older than the horizon is forgotten and replaced.
     */
    boolean addIfAbsent(String id, long atMillis, long horizonMillis) {
        int mask = ids.length - 1;
        int i = spread(id.hashCode()) & mask;
        while (ids[i] != null) {
            if (ids[i].equals(id)) {
                if (times[i] >= horizonMillis) {
                    return false;
                }
                ids[i] = id;
                times[i] = atMillis;
                return true;
            }
            i = (i + 1) & mask;
        }
        if ((size + 1) * 2 > ids.length) {
            rebuild(horizonMillis);
        }
        insert(ids, times, id, atMillis);
        size++;
        return true;
    }

    int size() {
        return size;
    }

    private void rebuild(long horizonMillis) {
        int live = 0;
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] != null && times[i] >= horizonMillis) {
                live++;
            }
        }
        if ((live + 1) * 4 > ids.length) {
            spareIds = new String[ids.length * 2];
            spareTimes = new long[ids.length * 2];
        }
        java.util.Arrays.fill(spareIds, null);
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] != null && times[i] >= horizonMillis) {
                insert(spareIds, spareTimes, ids[i], times[i]);
            }
        }
        String[] oldIds = ids;
        long[] oldTimes = times;
        ids = spareIds;
        times = spareTimes;
        if (oldIds.length == ids.length) {
            spareIds = oldIds;
            spareTimes = oldTimes;
        } else {
            spareIds = new String[ids.length];
            spareTimes = new long[ids.length];
        }
        size = live;
    }

    private static void insert(String[] ids, long[] times, String id, long at) {
        int mask = ids.length - 1;
        int i = spread(id.hashCode()) & mask;
        while (ids[i] != null) {
            i = (i + 1) & mask;
        }
        ids[i] = id;
        times[i] = at;
    }

    private static int spread(int h) {
        return (h ^ (h >>> 16)) * 0x9E3779B9;
    }
}
