package io.github.geodispatch.billing;

import java.util.Objects;

/** A string that is not a valid GSTIN; {@link #problem()} says which rule it broke. Immutable. */
public final class InvalidGstinException extends BillingException {
    private static final long serialVersionUID = 1L;

    /** The rule a GSTIN candidate broke, in the order they are checked. */
    public enum Problem {
        /** null or blank. */
        MISSING,
        /** not 15 characters. */
        LENGTH,
        /** a character other than A-Z and 0-9. */
        CHARACTER,
        /** the first two characters are not a state code a GSTIN may carry. */
        STATE_CODE,
        /**
         * characters 3-12 are neither a PAN (five letters, four digits, a letter), a TAN (four letters, five
         * digits, a letter) nor a year, country and serial (two digits, three letters, five digits).
         */
        PAN,
        /** the 13th character (the registration number within the state) of a PAN or TAN layout is 0. */
        ENTITY_NUMBER,
        /**
         * the 14th character of a PAN layout is not Z (regular), D (tax deductor) or C (tax collector); of a TAN
         * layout, not D.
         */
        DEFAULT_CHARACTER,
        /** characters 13-14 after a year, country and serial are not UN or ON (UIN), NR or OS (OIDAR). */
        CATEGORY_CODE,
        /** the 15th character is not the mod-36 check character of the first 14. */
        CHECK_CHARACTER
    }

    private final Problem problem;
    private final String value;

    InvalidGstinException(Problem problem, String value, String message) {
        super(message);
        this.problem = Objects.requireNonNull(problem, "problem");
        this.value = value;
    }

    public Problem problem() {
        return problem;
    }

    /** The rejected input as given (may be null). */
    public String value() {
        return value;
    }
}
