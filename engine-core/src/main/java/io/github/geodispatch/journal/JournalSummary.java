package io.github.geodispatch.journal;

import java.util.List;

/**
 * What reading a journal produced: lines read (blank lines included), records handed on, lines rejected
 * (malformed or invalid), and the first {@link JournalReader#MAX_KEPT_PROBLEMS} of those problems with their
 * line numbers. Immutable and thread-safe.
 */
public record JournalSummary(long lines, long records, long rejected, List<JournalProblem> problems) {
    public JournalSummary {
        problems = List.copyOf(problems);
    }

    /** True when every non-blank line became a record. */
    public boolean clean() {
        return rejected == 0;
    }
}
