package io.github.geodispatch.leakage;

import io.github.geodispatch.spi.BranchId;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.Money;
import io.github.geodispatch.spi.StatementCredit;
import io.github.geodispatch.spi.TechnicianId;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One leakage finding: what ({@code code}), on which job and/or technician, in which branch, the payment
 * reference involved (UTR/TransID, or null), the amount at risk, the evidence (event ids, or
 * {@code statement:SOURCE:REFERENCE} for statement rows) and when it became a finding ({@code detectedAt}:
 * the moment its condition held and its grace period had run out). Immutable and thread-safe.
 */
public record Finding(LeakageCode code, JobId job, TechnicianId technician, BranchId branch, String reference,
                      Money amountAtRisk, List<String> evidence, Instant detectedAt) {
    public Finding {
        Objects.requireNonNull(code, "code");
        if (job == null && technician == null && reference == null) {
            throw new IllegalArgumentException(code + " finding must name a job, a technician or a reference");
        }
        Objects.requireNonNull(amountAtRisk, "amount at risk").requireNonNegative("amount at risk");
        evidence = List.copyOf(evidence);
        Objects.requireNonNull(detectedAt, "detectedAt");
    }

    /** How evidence names a statement row: {@code statement:SOURCE:REFERENCE}. */
    public static String statementEvidence(StatementCredit credit) {
        return "statement:" + credit.source() + ":" + credit.reference();
    }
}
