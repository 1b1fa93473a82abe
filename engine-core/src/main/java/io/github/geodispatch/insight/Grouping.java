package io.github.geodispatch.insight;

/** How a {@link KpiReport} splits its rows. */
public enum Grouping {
    /** One row for everything in the range. */
    TOTAL,
    /** One row per branch (findings and credits without a branch go to {@code "unknown"}). */
    BRANCH,
    /** One row per technician (jobs nobody is assigned to go to {@code "unassigned"}). */
    TECHNICIAN,
    /** One row per technician per day: a day's route, labelled {@code T-001@2025-06-02}. */
    ROUTE
}
