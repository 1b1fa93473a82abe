package io.github.geodispatch.billing;

/** What an invoice line bills. */
public enum LineKind {
    /** The service itself (SAC). */
    LABOUR,
    /** A part used on the job (HSN). */
    PART,
    /** A billable expense, taxed as part of the service it was incurred for. */
    EXPENSE
}
