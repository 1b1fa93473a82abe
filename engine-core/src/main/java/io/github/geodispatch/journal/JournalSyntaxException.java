package io.github.geodispatch.journal;

/**
 * A journal line that cannot become a {@link JournalRecord}: malformed JSON or a missing or invalid value.
 * The message names the field and the problem; {@link #kind()} says which.
 */
public final class JournalSyntaxException extends IllegalArgumentException {
    private final JournalProblem.Kind kind;

    public JournalSyntaxException(JournalProblem.Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public JournalProblem.Kind kind() {
        return kind;
    }
}
