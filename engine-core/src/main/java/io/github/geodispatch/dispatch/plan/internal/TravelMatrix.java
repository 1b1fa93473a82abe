package io.github.geodispatch.dispatch.plan.internal;

/**
 * Travel ticks between locations of one planning problem, {@code [from][to]}. A tick is a second for the
 * day plan and a micro-unit for Solomon VRPTW. Shared, never cloned, by every working solution of a
 * solve; it only grows (a new job's location) and only on the solving thread, which is the only reader.
 */
final class TravelMatrix {
    private long[][] ticks;

    TravelMatrix(long[][] ticks) {
        int n = ticks.length;
        this.ticks = new long[n][];
        for (int i = 0; i < n; i++) {
            if (ticks[i].length != n) {
                throw new IllegalArgumentException("travel matrix row " + i + " has " + ticks[i].length + " columns, expected " + n);
            }
            for (int j = 0; j < n; j++) {
                if (ticks[i][j] < 0) {
                    throw new IllegalArgumentException("travel time must not be negative: [" + i + "][" + j + "] = " + ticks[i][j]);
                }
            }
            this.ticks[i] = ticks[i].clone();
        }
    }

    /**
     * Adds a location (a job that arrived during solving) and returns its index. Called only on the solving
     * thread, between moves, by a problem change.
     *
     * @param to travel from every existing location to the new one
     * @param from travel from the new location to every existing one
     */
    int append(long[] to, long[] from) {
        int n = ticks.length;
        if (to.length != n || from.length != n) {
            throw new IllegalArgumentException("a new location needs " + n + " travel times each way");
        }
        long[][] grown = new long[n + 1][];
        for (int i = 0; i < n; i++) {
            grown[i] = java.util.Arrays.copyOf(ticks[i], n + 1);
            grown[i][n] = to[i];
        }
        grown[n] = java.util.Arrays.copyOf(from, n + 1);
        ticks = grown;
        return n;
    }

    long travel(int from, int to) {
        return ticks[from][to];
    }

    int size() {
        return ticks.length;
    }
}
