package io.github.geodispatch.billing;

import io.github.geodispatch.billing.InvalidGstinException.Problem;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A GST identification number: 2-digit state code, the holder's 10-character PAN, the registration
 * number within the state (1-9, A-Z), the default character {@code Z}, and a check character computed
 * mod 36 over the first 14 characters (a Luhn mod-N scheme over the alphabet {@code 0-9A-Z}).
 *
 * <p>{@link #parse} trims and upper-cases its input (GSTINs are case-insensitive as typed; the canonical
 * form is upper case) and then checks, in order, length, alphabet, state code, PAN shape, entity number,
 * the default character and the check character, throwing {@link InvalidGstinException} with the first
 * rule broken. A parsed value only proves the number is well formed, not that it is registered on the GST
 * portal. Immutable and thread-safe.
 */
public record Gstin(String value) {
    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final Pattern PAN = Pattern.compile("[A-Z]{5}[0-9]{4}[A-Z]");

    /** Use {@link #parse}; the canonical constructor accepts only an already canonical, valid GSTIN. */
    public Gstin {
        Objects.requireNonNull(value, "gstin");
        InvalidGstinException failure = check(value);
        if (failure != null) {
            throw failure;
        }
        if (!value.equals(value.trim().toUpperCase(Locale.ROOT))) {
            throw new IllegalArgumentException("GSTIN '" + value + "' is not canonical; use Gstin.parse");
        }
    }

    /** Parses a GSTIN, accepting surrounding blanks and lower case; throws naming the first rule broken. */
    public static Gstin parse(String candidate) {
        InvalidGstinException failure = check(candidate);
        if (failure != null) {
            throw failure;
        }
        return new Gstin(candidate.trim().toUpperCase(Locale.ROOT));
    }

    /** True when {@link #parse} would accept {@code candidate}. */
    public static boolean isValid(String candidate) {
        return check(candidate) == null;
    }

    /**
     * The check character of the first 14 characters of a GSTIN: each character's value (0-9, A=10 ... Z=35)
     * is multiplied by 1 at odd positions and 2 at even positions (counting from 1), the two base-36 digits
     * of each product are added, and the check character is the value that brings the sum to a multiple
     * of 36.
     */
    public static char checkCharacter(CharSequence first14) {
        if (first14 == null || first14.length() != 14) {
            throw new IllegalArgumentException("the check character is computed over exactly 14 characters, got "
                    + (first14 == null ? "null" : first14.length()));
        }
        int sum = 0;
        for (int i = 0; i < 14; i++) {
            int value = ALPHABET.indexOf(first14.charAt(i));
            if (value < 0) {
                throw new IllegalArgumentException("'" + first14.charAt(i) + "' is not one of 0-9, A-Z");
            }
            int product = value * (i % 2 == 0 ? 1 : 2);
            sum += product / 36 + product % 36;
        }
        return ALPHABET.charAt((36 - sum % 36) % 36);
    }

    /** The state of registration, e.g. Karnataka for {@code 29...}. */
    public GstState state() {
        return GstState.of(stateCode());
    }

    /** The two-digit state code. */
    public String stateCode() {
        return value.substring(0, 2);
    }

    /** The holder's Permanent Account Number (characters 3-12). */
    public String pan() {
        return value.substring(2, 12);
    }

    /** The registration number of the holder within the state (13th character: 1-9 then A-Z). */
    public char entityNumber() {
        return value.charAt(12);
    }

    @Override
    public String toString() {
        return value;
    }

    /** {@code null} when {@code candidate} is a valid GSTIN, else the first rule it breaks. */
    private static InvalidGstinException check(String candidate) {
        if (candidate == null || candidate.isBlank()) {
            return new InvalidGstinException(Problem.MISSING, candidate, "GSTIN is missing");
        }
        String gstin = candidate.trim().toUpperCase(Locale.ROOT);
        if (gstin.length() != 15) {
            return invalid(Problem.LENGTH, candidate, "must be 15 characters, was " + gstin.length());
        }
        for (int i = 0; i < 15; i++) {
            char c = gstin.charAt(i);
            if (ALPHABET.indexOf(c) < 0) {
                return invalid(Problem.CHARACTER, candidate, "character " + (i + 1) + " '" + c + "' is not A-Z or 0-9");
            }
        }
        String code = gstin.substring(0, 2);
        GstState state = GstState.byCode(code).orElse(null);
        if (state == null) {
            return invalid(Problem.STATE_CODE, candidate, "state code " + code + " does not exist");
        }
        if (!state.registrable()) {
            return invalid(Problem.STATE_CODE, candidate, "state code " + code + " (" + state.displayName()
                    + ") is a place of supply, not a state of registration");
        }
        String pan = gstin.substring(2, 12);
        if (!PAN.matcher(pan).matches()) {
            return invalid(Problem.PAN, candidate, "characters 3-12 '" + pan + "' are not a PAN (5 letters, 4 digits, 1 letter)");
        }
        if (gstin.charAt(12) == '0') {
            return invalid(Problem.ENTITY_NUMBER, candidate,
                    "character 13 (registration number in the state) must be 1-9 or A-Z, was 0");
        }
        if (gstin.charAt(13) != 'Z') {
            return invalid(Problem.DEFAULT_CHARACTER, candidate, "character 14 must be Z, was '" + gstin.charAt(13) + "'");
        }
        char expected = checkCharacter(gstin.substring(0, 14));
        if (gstin.charAt(14) != expected) {
            return invalid(Problem.CHECK_CHARACTER, candidate,
                    "check character is '" + gstin.charAt(14) + "', expected '" + expected + "'");
        }
        return null;
    }

    private static InvalidGstinException invalid(Problem problem, String candidate, String message) {
        return new InvalidGstinException(problem, candidate, message);
    }
}
