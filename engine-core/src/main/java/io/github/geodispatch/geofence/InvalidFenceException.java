package io.github.geodispatch.geofence;

import java.util.Objects;

/** A fence shape that cannot be used as given; {@link #reason()} says why. */
public final class InvalidFenceException extends IllegalArgumentException {
    /** Why a shape was rejected. */
    public enum Reason {
        /** A ring's first and last points differ. */
        UNCLOSED_RING,
        /** A ring has fewer than 3 distinct points (4 with the closing point). */
        TOO_FEW_POINTS,
        /** Edges cross or touch where they must not (bow-tie, hole outside shell, overlapping parts...). */
        SELF_INTERSECTION,
        /** A coordinate is NaN, infinite or out of range. */
        BAD_COORDINATE,
        /**
         * A ring has an edge spanning more than 180 degrees of longitude: it crosses the antimeridian (±180°),
         * where edges straight in longitude/latitude would run the long way round the globe. Split the shape at
         * 180° (as RFC 7946 §3.1.9 asks of GeoJSON).
         */
        CROSSES_ANTIMERIDIAN,
        /** A circle radius is not a positive finite number of metres within the limit. */
        BAD_RADIUS,
        /** Repair produced an empty shape (the input had no area). */
        EMPTY_AFTER_REPAIR
    }

    private final Reason reason;

    public InvalidFenceException(Reason reason, String message) {
        super(Objects.requireNonNull(reason, "reason") + ": " + message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
