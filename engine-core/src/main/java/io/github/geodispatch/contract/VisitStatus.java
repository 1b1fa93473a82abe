package io.github.geodispatch.contract;

/** Where a preventive visit stands on a day: done, due (window open), overdue (window over), or upcoming. */
public enum VisitStatus {
    DONE, DUE, OVERDUE, UPCOMING
}
