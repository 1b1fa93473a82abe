package io.github.geodispatch.dispatch.internal;

/**
 * The time rules every route obeys, on epoch seconds. A lunch break {@code [lunchFrom, lunchTo)} pauses
 * travel that would cross it and pushes work that would overlap it to its end; "no lunch" is encoded as
 * {@code lunchFrom == lunchTo == Long.MAX_VALUE}. Both functions are monotone non-decreasing in their
 * time argument, which is what makes early termination of the insertion check exact. Stateless.
 */
final class Timeline {
    static final long NO_LUNCH = Long.MAX_VALUE;

    private Timeline() {}

    /** When a technician leaving at {@code depart} arrives after {@code travel} seconds of driving. */
    static long arrive(long depart, long travel, long lunchFrom, long lunchTo) {
        if (depart < lunchFrom) {
            long arrival = depart + travel;
            return arrival > lunchFrom ? arrival + (lunchTo - lunchFrom) : arrival;
        }
        if (depart < lunchTo) {
            return lunchTo + travel;
        }
        return depart + travel;
    }

    /** When work of {@code duration} seconds, possible from {@code ready}, actually starts. */
    static long workStart(long ready, long duration, long lunchFrom, long lunchTo) {
        if (ready < lunchTo && ready + duration > lunchFrom) {
            return lunchTo;
        }
        return ready;
    }
}
