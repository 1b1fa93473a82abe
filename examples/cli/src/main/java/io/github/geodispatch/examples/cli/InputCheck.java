package io.github.geodispatch.examples.cli;

import io.github.geodispatch.journal.JournalSummary;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * The CLI's rule for an input file it read line by line: it is unusable (exit 2, nothing written) when it yields
 * no records, or when more than {@value #MAX_REJECTED_PERCENT}% of its non-blank lines were rejected (the wrong
 * file, or a broken one); otherwise rejected lines are reported and the command goes on (exit 1). Problems are
 * printed up to {@value #PRINTED_PROBLEMS} of each list, the rest counted. Stateless.
 */
final class InputCheck {
    static final int MAX_REJECTED_PERCENT = 10;
    static final int PRINTED_PROBLEMS = 10;
    /** The most characters of a problem printed; a longer one is cut, its length said. */
    static final int MAX_PROBLEM_CHARS = 300;

    private InputCheck() {}

    /** {@link #requireUsable(Path, String, long, long, Object)} for a journal read into {@code read}. */
    static void requireUsableJournal(Path journal, JournalSummary read) {
        requireUsable(journal, "records", read.records(), read.rejected(),
                read.problems().isEmpty() ? null : read.problems().get(0));
    }

    /**
     * Throws {@link IllegalArgumentException} (bad input) when {@code file} is unusable by the rule above.
     *
     * @param what what the records are, for the message ("records", "ping rows")
     * @param firstProblem the first rejected line, described, or null when none was
     */
    static void requireUsable(Path file, String what, long records, long rejected, Object firstProblem) {
        String first = firstProblem == null ? "" : "; the first: " + oneLine(firstProblem);
        if (records == 0) {
            throw new IllegalArgumentException(file + ": no " + what + (rejected == 0 ? " (the file is empty)"
                    : ": every one of its " + rejected + " non-blank lines was rejected" + first));
        }
        if (rejected * 100 > (records + rejected) * MAX_REJECTED_PERCENT) {
            throw new IllegalArgumentException(file + ": " + rejected + " of " + (records + rejected)
                    + " non-blank lines rejected, more than " + MAX_REJECTED_PERCENT + "% (is it the right file?)" + first);
        }
    }

    /**
     * Prints the first {@value #PRINTED_PROBLEMS} of {@code problems} (of {@code count} in all), indented, each on
     * one line by {@link #oneLine}.
     */
    static void print(PrintWriter err, String prefix, List<?> problems, long count) {
        problems.stream().limit(PRINTED_PROBLEMS).forEach(p -> err.println(prefix + oneLine(p)));
        if (count > PRINTED_PROBLEMS) {
            err.println(prefix + "... and " + (count - PRINTED_PROBLEMS) + " more");
        }
    }

    /**
     * A problem as one line of a terminal: the values it quotes come from the input, so a control character
     * (below U+0020, U+007F, U+0080 to U+009F) is shown as an escape ({@code \\n}, {@code \\r}, {@code \\t},
     * else {@code \\u001b}) rather than breaking the line or driving the terminal, and a problem longer than
     * {@value #MAX_PROBLEM_CHARS} characters is cut there and ends {@code … (N characters)}, N its whole length.
     */
    static String oneLine(Object problem) {
        String text = String.valueOf(problem);
        StringBuilder line = new StringBuilder(Math.min(text.length(), MAX_PROBLEM_CHARS + 32));
        int shown = 0;
        int i = 0;
        while (i < text.length()) {
            int c = text.codePointAt(i);
            String piece;
            if (c == '\n') {
                piece = "\\n";
            } else if (c == '\r') {
                piece = "\\r";
            } else if (c == '\t') {
                piece = "\\t";
            } else if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
                piece = String.format("\\u%04x", c);
            } else {
                piece = new String(Character.toChars(c));
            }
            if (shown + piece.length() > MAX_PROBLEM_CHARS) {
                return line.append("\u2026 (").append(text.codePointCount(0, text.length())).append(" characters)").toString();
            }
            line.append(piece);
            shown += piece.length();
            i += Character.charCount(c);
        }
        return line.toString();
    }
}
