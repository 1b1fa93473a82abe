package io.github.geodispatch.dispatch;
import io.github.geodispatch.dispatch.internal.Reasons;
import io.github.geodispatch.spi.TechnicianId;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Why a technician cannot take the job: every failing profile rule (branch, area, skills,
 * certifications, shift) and, when the profile passed and their route was examined
 * ({@code routeExamined}), OVER_CAPACITY or NO_SLOT. {@code details} says what exactly failed, e.g.
 * {@code "ac.split.install level 1 < 3"}. Immutable and thread-safe.
 */
public record Rejection(TechnicianId technician, Set<RejectionReason> reasons, boolean routeExamined,
                        List<String> details) {
    public Rejection {
        Objects.requireNonNull(technician, "technician");
        reasons = Set.copyOf(reasons);
        if (reasons.isEmpty()) {
            throw new IllegalArgumentException("a rejection of " + technician + " needs at least one reason");
        }
        details = List.copyOf(details);
    }

    /** The first failing rule in {@link RejectionReason} order. */
    public RejectionReason primary() {
        return Reasons.primary(Reasons.fromSet(reasons));
    }
}
