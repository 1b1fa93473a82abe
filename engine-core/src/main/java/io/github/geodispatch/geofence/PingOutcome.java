package io.github.geodispatch.geofence;

/** What ingestion did with a ping. Only {@link #ACCEPTED} can change any state. */
public enum PingOutcome {
    /** Taken as evidence (possibly held briefly to restore time order). */
    ACCEPTED("accepted"),
    /** Same ping id seen before for this technician: ignored. */
    DUPLICATE("duplicate ping id"),
    /** Reported accuracy worse than the configured threshold. */
    REJECTED_ACCURACY("accuracy worse than the threshold"),
    /** Timestamp further in the future than the allowed clock skew. */
    REJECTED_CLOCK_SKEW("timestamp beyond the allowed clock skew"),
    /** Older than pings already turned into visit evidence (later than the reorder window allows). */
    REJECTED_TOO_LATE("older than the reorder window");

    private final String reason;

    PingOutcome(String reason) {
        this.reason = reason;
    }

    public boolean accepted() {
        return this == ACCEPTED;
    }

    /** A short human-readable reason. */
    public String reason() {
        return reason;
    }
}
