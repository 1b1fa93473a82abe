package io.github.geodispatch.insight.internal;
import io.github.geodispatch.insight.Grouping;
import io.github.geodispatch.spi.BranchId;
import io.github.geodispatch.spi.TechnicianId;
import java.time.LocalDate;

/** The finest grain the view aggregates at: a day, a branch (null = unknown) and a technician (null = nobody). */
record BucketKey(LocalDate day, BranchId branch, TechnicianId technician) {

    String label(Grouping grouping) {
        return switch (grouping) {
            case TOTAL -> "all";
            case BRANCH -> branch == null ? "unknown" : branch.value();
            case TECHNICIAN -> technician == null ? "unassigned" : technician.value();
            case ROUTE -> (technician == null ? "unassigned" : technician.value()) + "@" + day;
        };
    }
}
