package io.github.geodispatch.payment;

import io.github.geodispatch.spi.StatementCredit;

import java.util.List;

/**
 * The credits read from one statement file and the rows that could not be read (1-based row numbers of
 * data rows, the header not counted). Immutable and thread-safe.
 */
public record StatementImport(List<StatementCredit> credits, List<RowProblem> problems) {
    public StatementImport {
        credits = List.copyOf(credits);
        problems = List.copyOf(problems);
    }

    /** A row that was skipped, and why. */
    public record RowProblem(long row, String message) {
        @Override
        public String toString() {
            return "row " + row + ": " + message;
        }
    }
}
