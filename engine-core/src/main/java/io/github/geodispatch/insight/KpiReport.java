package io.github.geodispatch.insight;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The answer to a {@link KpiQuery}: the rows in label order and the total over them. Immutable and thread-safe. */
public record KpiReport(KpiQuery query, Kpis total, List<Kpis> rows) {
    public KpiReport {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(total, "total");
        rows = List.copyOf(rows);
    }

    /** The row with this label (a branch id, technician id, {@code T@day} route, or {@code "all"}). */
    public Optional<Kpis> row(String group) {
        return rows.stream().filter(r -> r.group().equals(group)).findFirst();
    }
}
