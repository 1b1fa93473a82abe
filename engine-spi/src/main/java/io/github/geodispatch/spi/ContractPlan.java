package io.github.geodispatch.spi;

import java.util.List;
import java.util.Objects;

/**
 * What a contract promises per covered unit (each covered equipment, or each covered site when the contract
 * lists no equipment):
 * <ul>
 *   <li>preventive visits, either {@code visitsPerYear} spread evenly over the term or one every
 *       {@code intervalDays} from the start (at most one of the two is set; both 0 means no preventive visits),
 *       each to be done within {@code windowDays} of its due date, as jobs of {@code visitJobType};</li>
 *   <li>{@code breakdownCalls} covered calls beyond the preventive visits, over the whole contract;</li>
 *   <li>the job types it covers ({@code jobTypes}, empty for every type; when set it includes the visit type);</li>
 *   <li>parts: {@code partsCover}, with {@code partsDiscountBasisPoints} (1-10,000) for a DISCOUNT;</li>
 *   <li>whether labour is covered, and the response-time promise in hours (0 for none).</li>
 * </ul>
 * Immutable and thread-safe.
 */
public record ContractPlan(int visitsPerYear, int intervalDays, int windowDays, String visitJobType, int breakdownCalls,
                           List<String> jobTypes, PartsCover partsCover, int partsDiscountBasisPoints,
                           boolean labourCovered, int responseHours) {
    public ContractPlan {
        if (visitsPerYear < 0 || visitsPerYear > 365) {
            throw new IllegalArgumentException("visits per year must be 0-365, was " + visitsPerYear);
        }
        if (intervalDays < 0 || intervalDays > 3660) {
            throw new IllegalArgumentException("visit interval must be 0-3660 days, was " + intervalDays);
        }
        if (visitsPerYear > 0 && intervalDays > 0) {
            throw new IllegalArgumentException("a plan has visits per year or an interval, not both ("
                    + visitsPerYear + " per year, every " + intervalDays + " days)");
        }
        if (windowDays < 1 || windowDays > 90) {
            throw new IllegalArgumentException("visit window must be 1-90 days, was " + windowDays);
        }
        if (!CodeShapes.upperSnake(visitJobType)) {
            throw new IllegalArgumentException("visit job type must be UPPER_SNAKE_CASE, was '" + visitJobType + "'");
        }
        if (breakdownCalls < 0 || breakdownCalls > 1000) {
            throw new IllegalArgumentException("breakdown calls must be 0-1000, was " + breakdownCalls);
        }
        jobTypes = List.copyOf(jobTypes == null ? List.of() : jobTypes);
        for (String type : jobTypes) {
            if (!CodeShapes.upperSnake(type)) {
                throw new IllegalArgumentException("covered job type must be UPPER_SNAKE_CASE, was '" + type + "'");
            }
        }
        if (!jobTypes.isEmpty() && !jobTypes.contains(visitJobType)) {
            throw new IllegalArgumentException("covered job types " + jobTypes + " must include the visit type "
                    + visitJobType);
        }
        Objects.requireNonNull(partsCover, "parts cover");
        if ((partsCover == PartsCover.DISCOUNT) != (partsDiscountBasisPoints > 0)
                || partsDiscountBasisPoints < 0 || partsDiscountBasisPoints > 10_000) {
            throw new IllegalArgumentException("a parts discount of 1-10000 basis points goes with DISCOUNT only, was "
                    + partsDiscountBasisPoints + " with " + partsCover);
        }
        if (responseHours < 0 || responseHours > 24 * 30) {
            throw new IllegalArgumentException("response promise must be 0-720 hours, was " + responseHours);
        }
    }

    /** True when the plan schedules preventive visits. */
    public boolean hasVisits() {
        return visitsPerYear > 0 || intervalDays > 0;
    }

    /** True when a job of {@code jobType} is covered. */
    public boolean covers(String jobType) {
        return jobTypes.isEmpty() || jobTypes.contains(jobType);
    }
}
