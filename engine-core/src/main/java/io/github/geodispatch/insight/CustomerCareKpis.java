package io.github.geodispatch.insight;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The owner's customer-care KPIs over the jobs completed on the days {@code from}..{@code to} (inclusive, in the
 * business zone); {@code docs/owner-view.md} defines each:
 * <ul>
 *   <li>{@code ratings} of those jobs' feedback, {@code satisfied} of them rated 4 or 5, and {@code ratingSum}:
 *       {@link #csat()} is satisfied ÷ ratings, {@link #averageRating()} ratingSum ÷ ratings;</li>
 *   <li>{@code completed} jobs and {@code repeats} of them followed, within 30 days of their completion, by another
 *       job of the same customer on the same equipment (the same site when either job names no unit):
 *       {@link #repeatRate()};</li>
 *   <li>{@code paid} of the completed jobs whose on-site payments came to their amount due, and the billing cycle
 *       time from completion to that payment, {@code cycleMedian} and {@code cycleMean} (empty when none was
 *       paid).</li>
 * </ul>
 * Immutable and thread-safe.
 */
public record CustomerCareKpis(LocalDate from, LocalDate to, int ratings, int satisfied, long ratingSum, int completed,
                               int repeats, int paid, Optional<Duration> cycleMedian, Optional<Duration> cycleMean) {
    public CustomerCareKpis {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (satisfied > ratings || repeats > completed || paid > completed) {
            throw new IllegalArgumentException("a part exceeds its whole: satisfied " + satisfied + " of " + ratings
                    + " ratings, repeats " + repeats + " and paid " + paid + " of " + completed + " completed");
        }
        Objects.requireNonNull(cycleMedian, "cycleMedian");
        Objects.requireNonNull(cycleMean, "cycleMean");
    }

    /** Satisfied ÷ ratings (CSAT), or empty with no rating. */
    public OptionalDouble csat() {
        return ratings == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) satisfied / ratings);
    }

    /** The mean rating, or empty with no rating. */
    public OptionalDouble averageRating() {
        return ratings == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) ratingSum / ratings);
    }

    /** Repeats ÷ completed, or empty with no completed job. */
    public OptionalDouble repeatRate() {
        return completed == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) repeats / completed);
    }
}
