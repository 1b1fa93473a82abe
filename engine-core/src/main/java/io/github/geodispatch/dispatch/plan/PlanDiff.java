package io.github.geodispatch.dispatch.plan;

import java.util.List;
import java.util.Objects;

/**
 * The difference between two plans of the same day, one {@link VisitChange} per job whose technician or
 * ETA changed, in job id order. Immutable and thread-safe.
 *
 * @param before the earlier plan
 * @param after the later plan
 */
public record PlanDiff(DayPlan before, DayPlan after, List<VisitChange> changes) {
    public PlanDiff {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        changes = List.copyOf(changes);
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    /** Only the changes of one kind. */
    public List<VisitChange> changes(VisitChange.Kind kind) {
        return changes.stream().filter(c -> c.kind() == kind).toList();
    }
}
