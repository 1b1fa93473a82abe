package io.github.geodispatch.examples.report;

import java.time.Instant;
import java.util.Objects;

/**
 * A customer who rated a job low (1 or 2 stars) from the completion message's link: someone to call.
 * Immutable and thread-safe.
 *
 * @param customer   the customer's name
 * @param phone      the number to call (empty when not known: the page shows a dash)
 * @param jobNumber  the job's number as the office knows it
 * @param service    the service, in owner words
 * @param technician who did the job ("—" when nobody is named)
 * @param stars      the rating, 1-5
 * @param comment    what the customer wrote (may be empty)
 * @param ratedAt    when the rating came in (shown in the business's zone)
 */
public record UnhappyCustomer(String customer, String phone, String jobNumber, String service, String technician,
                              int stars, String comment, Instant ratedAt) {
    public UnhappyCustomer {
        Checks.text(customer, "customer");
        Objects.requireNonNull(phone, "phone");
        Checks.text(jobNumber, "jobNumber");
        Checks.text(service, "service");
        Checks.text(technician, "technician");
        if (stars < 1 || stars > 5) {
            throw new IllegalArgumentException("stars must be 1-5, was " + stars);
        }
        Objects.requireNonNull(comment, "comment");
        Objects.requireNonNull(ratedAt, "ratedAt");
    }
}
