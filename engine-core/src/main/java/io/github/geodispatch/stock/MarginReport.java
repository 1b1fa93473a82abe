package io.github.geodispatch.stock;

import java.util.List;
import java.util.Objects;

/**
 * Parts margin over some days: the total, and lines by branch, by technician and by job (each sorted by group).
 * Immutable and thread-safe.
 */
public record MarginReport(MarginLine total, List<MarginLine> byBranch, List<MarginLine> byTechnician,
                           List<MarginLine> byJob) {
    public MarginReport {
        Objects.requireNonNull(total, "total");
        byBranch = List.copyOf(byBranch);
        byTechnician = List.copyOf(byTechnician);
        byJob = List.copyOf(byJob);
    }
}
