package io.github.geodispatch.examples.report;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A job not reached within its promised time. Immutable and thread-safe.
 *
 * @param customer   the customer's name
 * @param jobNumber  the job's number
 * @param service    the service, in owner words
 * @param branch     the branch that owns the job
 * @param technician who went (or "not assigned")
 * @param due        when the technician should have arrived
 * @param arrived    when the technician arrived; empty if nobody arrived before the report's end
 */
public record SlaMiss(String customer, String jobNumber, String service, String branch, String technician, Instant due,
                      Optional<Instant> arrived) {
    public SlaMiss {
        Checks.text(customer, "customer");
        Checks.text(jobNumber, "jobNumber");
        Checks.text(service, "service");
        Checks.text(branch, "branch");
        Checks.text(technician, "technician");
        Objects.requireNonNull(due, "due");
        Objects.requireNonNull(arrived, "arrived");
        if (arrived.isPresent() && !arrived.get().isAfter(due)) {
            throw new IllegalArgumentException("job " + jobNumber + " arrived by " + due + ": not an SLA miss");
        }
    }

    /** How late: arrival (or {@code asOf} when nobody came) minus the due time. */
    public Duration lateBy(Instant asOf) {
        Instant end = arrived.orElse(asOf);
        return end.isAfter(due) ? Duration.between(due, end) : Duration.ZERO;
    }
}
