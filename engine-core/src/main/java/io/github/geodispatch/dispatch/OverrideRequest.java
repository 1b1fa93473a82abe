package io.github.geodispatch.dispatch;

import io.github.geodispatch.spi.TechnicianId;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A dispatcher's choice against (or beyond) the recommendation: the technician, why (recorded on the
 * job), and which profile rules the dispatcher knowingly waives. Only {@link #WAIVABLE} rules can be
 * waived; NO_SLOT, OFF_SHIFT and CERTIFICATION_EXPIRED never can (no double booking, no work off shift,
 * no uncertified work). Immutable and thread-safe.
 */
public record OverrideRequest(TechnicianId technician, String reason, Set<RejectionReason> waived) {
    /** The rules a dispatcher may waive. */
    public static final Set<RejectionReason> WAIVABLE = Set.copyOf(EnumSet.of(RejectionReason.BRANCH_MISMATCH,
            RejectionReason.OUTSIDE_SERVICE_AREA, RejectionReason.SKILL_MISSING, RejectionReason.OVER_CAPACITY));

    public OverrideRequest {
        Objects.requireNonNull(technician, "override technician");
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("an override of the recommendation needs a reason");
        }
        waived = Set.copyOf(Objects.requireNonNull(waived, "waived rules"));
        for (RejectionReason r : waived) {
            if (!WAIVABLE.contains(r)) {
                throw new IllegalArgumentException(r + " cannot be waived; waivable: " + WAIVABLE);
            }
        }
    }

    /** Choose {@code technician} for {@code reason}, waiving nothing. */
    public static OverrideRequest of(TechnicianId technician, String reason) {
        return new OverrideRequest(technician, reason, Set.of());
    }
}
