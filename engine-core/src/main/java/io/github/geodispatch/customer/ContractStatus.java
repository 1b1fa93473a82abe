package io.github.geodispatch.customer;

/**
 * A contract's status on a given day: DRAFT until activated; ACTIVE from activation to its end; EXPIRED after
 * its end, or RENEWED when a contract renewing it was activated; CANCELLED from the day it was cancelled.
 */
public enum ContractStatus {
    DRAFT, ACTIVE, EXPIRED, RENEWED, CANCELLED
}
