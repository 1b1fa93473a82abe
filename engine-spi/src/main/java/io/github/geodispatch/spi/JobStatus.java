package io.github.geodispatch.spi;

/**
 * Where a job is in the service loop. The legal moves between these are one table in the engine's
 * {@code job} package; this enum only names the states.
 */
public enum JobStatus {
    NEW, ASSIGNED, EN_ROUTE, ARRIVED, WORK_STARTED, ON_HOLD, DELAYED, COMPLETED, RESCHEDULED, CANCELLED, CLOSED;

    /** True for states after which no field work happens any more. */
    public boolean isTerminal() {
        return this == CANCELLED || this == CLOSED;
    }
}
