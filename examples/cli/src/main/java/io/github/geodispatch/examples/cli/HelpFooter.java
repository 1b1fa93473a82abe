package io.github.geodispatch.examples.cli;

/**
 * The last section of every subcommand's {@code --help}: one runnable example over the sample data in
 * {@code examples/data}, run from the repository root. A command's footer is {@link #HEADING} then lines that
 * begin with {@link #RUN}, continued with a trailing backslash, each at most 80 columns.
 */
final class HelpFooter {
    static final String HEADING = "%nExample:%n";
    /** How the example runs the tool: the jar {@code mvn package} builds. */
    static final String RUN = "  java -jar examples/target/geodispatch.jar ";
    /** The indent of an example's continuation lines. */
    static final String MORE = "      ";

    private HelpFooter() {}
}
