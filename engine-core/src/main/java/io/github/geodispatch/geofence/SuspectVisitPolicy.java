package io.github.geodispatch.geofence;

/**
 * What a business does with a visit built from suspect pings (a {@link SiteVisit} carrying {@link SpoofSignal}s:
 * a mock location, an impossible jump, the same coordinates ping after ping). Set once per business on
 * {@code GeoDispatch.builder().suspectVisits(...)}.
 */
public enum SuspectVisitPolicy {
    /**
     * The visit counts, flagged: it proves an arrival (the ARRIVED's evidence names its signals), counts in
     * attendance, and the leakage report lists it as a SUSPECT_VISIT. The default: a phone that repeats a cached fix
     * indoors is not always a cheat, and the owner sees every flagged visit.
     */
    FLAG,
    /**
     * The visit does not count: it proves no arrival, adds no time on site to attendance (which counts it as
     * suspect), and a completion it alone would back is a GHOST_VISIT naming it.
     */
    REFUSE
}
