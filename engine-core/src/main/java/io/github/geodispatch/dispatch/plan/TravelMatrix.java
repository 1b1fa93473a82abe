package io.github.geodispatch.dispatch.plan;

/**
 * Travel ticks between locations of one planning problem, {@code [from][to]}. A tick is a second for the
 * day plan and a micro-unit for Solomon VRPTW. Immutable once built; shared, never cloned, by every
 * working solution of a solve, so safe to read from any thread.
 */
final class TravelMatrix {
    private final long[][] ticks;

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

    long travel(int from, int to) {
        return ticks[from][to];
    }

    int size() {
        return ticks.length;
    }
}
