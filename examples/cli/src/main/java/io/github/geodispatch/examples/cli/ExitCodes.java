package io.github.geodispatch.examples.cli;

/**
 * The exit codes every subcommand uses, and the lines of {@code --help} that list them (each command adds what
 * code 1 means for it). Documented in {@code docs/cli.md}.
 */
final class ExitCodes {
    /** Done; nothing to look at. */
    static final int DONE = 0;
    /** Done, with something to look at: findings, rejected lines or rows, an invalid value, an infeasible plan. */
    static final int DONE_WITH_FINDINGS = 1;
    /** Bad arguments or unusable input; nothing was written. */
    static final int BAD_INPUT = 2;
    /** An output could not be written; nothing partial was left in its place. */
    static final int CANNOT_WRITE = 3;
    /** An internal error (a bug); nothing partial was left in place of an output. */
    static final int INTERNAL_ERROR = 4;
    /** Stopped by SIGINT (Ctrl-C), the JVM's own code for it: 128 + 2. */
    static final int INTERRUPTED = 130;

    static final String HEADING = "%nExit codes:%n";
    static final String DONE_LINE = "0:done";
    static final String BAD_INPUT_LINE = "2:bad arguments or unusable input (nothing is written)";
    /** What makes a journal unusable, for the code 2 line of the commands that read one. */
    static final String UNUSABLE_JOURNAL = "; also a journal with no records, or with more than "
            + InputCheck.MAX_REJECTED_PERCENT + "%% of its lines rejected";
    static final String CANNOT_WRITE_LINE = "3:an output could not be written (nothing partial is left)";
    static final String INTERNAL_LINE = "4:internal error, a bug (please report it)";

    private ExitCodes() {}
}
