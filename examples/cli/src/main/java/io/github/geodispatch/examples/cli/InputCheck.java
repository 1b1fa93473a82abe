package io.github.geodispatch.examples.cli;

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

    private InputCheck() {}

    /**
     * Throws {@link IllegalArgumentException} (bad input) when {@code file} is unusable by the rule above.
     *
     * @param what what the records are, for the message ("records", "ping rows")
     * @param firstProblem the first rejected line, described, or null when none was
     */
    static void requireUsable(Path file, String what, long records, long rejected, Object firstProblem) {
        String first = firstProblem == null ? "" : "; the first: " + firstProblem;
        if (records == 0) {
            throw new IllegalArgumentException(file + ": no " + what + (rejected == 0 ? " (the file is empty)"
                    : ": every one of its " + rejected + " non-blank lines was rejected" + first));
        }
        if (rejected * 100 > (records + rejected) * MAX_REJECTED_PERCENT) {
            throw new IllegalArgumentException(file + ": " + rejected + " of " + (records + rejected)
                    + " non-blank lines rejected, more than " + MAX_REJECTED_PERCENT + "% (is it the right file?)" + first);
        }
    }

    /** Prints the first {@value #PRINTED_PROBLEMS} of {@code problems} (of {@code count} in all), indented. */
    static void print(PrintWriter err, String prefix, List<?> problems, long count) {
        problems.stream().limit(PRINTED_PROBLEMS).forEach(p -> err.println(prefix + p));
        if (count > PRINTED_PROBLEMS) {
            err.println(prefix + "... and " + (count - PRINTED_PROBLEMS) + " more");
        }
    }
}
