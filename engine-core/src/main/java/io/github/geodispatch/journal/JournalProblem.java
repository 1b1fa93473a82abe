package io.github.geodispatch.journal;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Something wrong with one journal line. {@link Kind#MALFORMED}, {@link Kind#INVALID} and {@link Kind#REFUSED}
 * lines were not imported; {@link Kind#FLAGGED} lines were imported (history is recorded as it happened) but
 * describe something the live engine would have refused. Immutable and thread-safe.
 */
public record JournalProblem(long line, Kind kind, String message) {

    /** How bad a problem is. */
    public enum Kind {
        /** Not JSON, not a JSON object, {@code type} not first, a field of the wrong JSON type. Skipped. */
        MALFORMED,
        /** Well-formed JSON with a missing, unknown or out-of-range value, or a reference to an unknown job. Skipped. */
        INVALID,
        /** Imported, but the live engine would have refused it (e.g. a UPI payment without a 12-digit UTR). */
        FLAGGED,
        /**
         * Valid, but it breaks a money rule the live engine enforces (a payment reference already on the job, a
         * payment in another currency than the job's): skipped, so it is counted nowhere. The message starts
         * with the rule's verdict ({@code REPEAT}, {@code DUPLICATE_REFERENCE}, {@code CURRENCY_MISMATCH}).
         */
        REFUSED;

        /** Counts indexed by {@link #ordinal()} as a map of the kinds counted at least once. */
        static Map<Kind, Long> countsOf(long[] counts) {
            Map<Kind, Long> out = new EnumMap<>(Kind.class);
            for (Kind kind : values()) {
                if (counts[kind.ordinal()] > 0) {
                    out.put(kind, counts[kind.ordinal()]);
                }
            }
            return out;
        }
    }

    public JournalProblem {
        if (line < 1) {
            throw new IllegalArgumentException("line numbers start at 1, was " + line);
        }
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }

    /** {@code "line 12: MALFORMED: ..."}. */
    @Override
    public String toString() {
        return "line " + line + ": " + kind + ": " + message;
    }
}
