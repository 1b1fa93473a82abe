package io.github.geodispatch.geofence;

/** Why a ping stream looks faked. */
public enum SpoofSignal {
    /** Implied speed between consecutive pings above the limit (default 250 km/h). */
    IMPOSSIBLE_SPEED,
    /** The same coordinates, to the last digit, several pings in a row (real GPS jitters). */
    REPEATED_COORDINATES,
    /** The device reported its mock-location flag. */
    MOCK_LOCATION
}
