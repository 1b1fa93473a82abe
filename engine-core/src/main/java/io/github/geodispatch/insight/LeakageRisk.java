package io.github.geodispatch.insight;
import io.github.geodispatch.spi.BranchId;
import io.github.geodispatch.spi.CalendarRange;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.Money;
import io.github.geodispatch.spi.TechnicianId;
import java.time.Instant;
import java.util.Objects;

/**
 * Money at risk from one leakage finding, as the owner's view counts it: the rule's code (e.g.
 * {@code PAYMENT_STATUS_MISSING}), what it is about (a job, a technician and/or a payment reference), the
 * branch, the amount, and {@code at}, when the leaking fact happened (the day it is counted on). A later
 * risk with the same code and subject replaces the earlier one. {@code at} is in years 0001-9999
 * ({@link CalendarRange}). Immutable and thread-safe.
 */
public record LeakageRisk(String code, JobId job, TechnicianId technician, String reference, BranchId branch,
                          Money amount, Instant at) {
    public LeakageRisk {
        if (code == null || !code.matches("[A-Z][A-Z0-9_]{0,63}")) {
            throw new IllegalArgumentException("leakage code must be UPPER_SNAKE_CASE, was '" + code + "'");
        }
        if (job == null && technician == null && (reference == null || reference.isBlank())) {
            throw new IllegalArgumentException("leakage risk " + code + " must name a job, a technician or a reference");
        }
        Objects.requireNonNull(amount, "amount").requireNonNegative("amount at risk");
        CalendarRange.require(at, "risk at");
    }

    /** What makes two risks the same finding: the code and the subject. */
    public String key() {
        return code + '|' + (job == null ? "" : job.value()) + '|' + (technician == null ? "" : technician.value())
                + '|' + (reference == null ? "" : reference);
    }
}
