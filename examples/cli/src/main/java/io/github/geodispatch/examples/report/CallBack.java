package io.github.geodispatch.examples.report;

import java.time.Instant;
import java.util.Objects;

/**
 * A customer to call back: their job was not placed with a technician, or it was moved to another day.
 * Immutable and thread-safe.
 *
 * @param customer    the customer's name
 * @param phone       the number to call (empty when not known: the page shows a dash)
 * @param jobNumber   the job's number as the office knows it (e.g. "J-00102")
 * @param service     the service asked for, in owner words ("AC service")
 * @param reason      why to call
 * @param requestedAt when the customer asked (shown in the business's zone)
 */
public record CallBack(String customer, String phone, String jobNumber, String service, Reason reason, Instant requestedAt) {
    /** Why the customer needs a call, with the words the page shows. */
    public enum Reason {
        NOT_PLACED("no technician free"),
        RESCHEDULED("moved to another day");

        private final String words;

        Reason(String words) {
            this.words = words;
        }

        /** What the page says. */
        public String words() {
            return words;
        }
    }

    public CallBack {
        Checks.text(customer, "customer");
        Objects.requireNonNull(phone, "phone");
        Checks.text(jobNumber, "jobNumber");
        Checks.text(service, "service");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(requestedAt, "requestedAt");
    }
}
