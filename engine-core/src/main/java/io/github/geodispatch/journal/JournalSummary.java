package io.github.geodispatch.journal;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What reading a journal produced: lines read (blank lines included), records handed on, how many lines were
 * rejected of each {@link JournalProblem.Kind} (exact counts, never capped), and the first
 * {@link JournalReader#MAX_KEPT_PROBLEMS} of those problems with their line numbers, for printing. Immutable
 * and thread-safe.
 */
public record JournalSummary(long lines, long records, Map<JournalProblem.Kind, Long> rejectedByKind,
                             List<JournalProblem> problems) {
    public JournalSummary {
        rejectedByKind = rejectedByKind.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(rejectedByKind));
        problems = List.copyOf(problems);
    }

    /** How many lines were rejected (not handed on), all kinds together. */
    public long rejected() {
        long sum = 0;
        for (long n : rejectedByKind.values()) {
            sum += n;
        }
        return sum;
    }

    /** How many lines were rejected as {@code kind}. */
    public long rejected(JournalProblem.Kind kind) {
        return rejectedByKind.getOrDefault(kind, 0L);
    }

    /** True when every non-blank line became a record. */
    public boolean clean() {
        return rejected() == 0;
    }
}
