package io.github.geodispatch.dispatch;

/** Why a technician cannot take a job. Each is a hard rule. */
public enum RejectionReason {
    /** Works for another branch than the job's. */
    BRANCH_MISMATCH("works for another branch"),
    /** The job's site is in none of the technician's service areas. */
    OUTSIDE_SERVICE_AREA("site outside the technician's service areas"),
    /** Lacks a required skill, or holds it below the required level. */
    SKILL_MISSING("lacks a required skill or level"),
    /** Lacks a required certification, or it expires before the work can start. */
    CERTIFICATION_EXPIRED("required certification missing or expired"),
    /** No shift today, or the shift and the customer's window leave no time for the work at all. */
    OFF_SHIFT("off shift for the job's window"),
    /** Already has as many jobs today as they may take. */
    OVER_CAPACITY("already at the day's maximum jobs"),
    /** Travel plus work cannot fit the window without breaking an existing visit or the shift end. */
    NO_SLOT("no slot fits travel and work without breaking an existing visit");

    private final String description;

    RejectionReason(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
