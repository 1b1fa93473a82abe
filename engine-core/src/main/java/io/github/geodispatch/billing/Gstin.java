package io.github.geodispatch.billing;

import io.github.geodispatch.billing.InvalidGstinException.Problem;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A GST identification number (or a UIN, its counterpart for UN bodies and embassies): 15 characters, the
 * 2-digit state code first and a check character computed mod 36 over the first 14 last (a Luhn mod-N scheme
 * over the alphabet {@code 0-9A-Z}). Characters 3-14 depend on the {@linkplain Category registration
 * category}:
 * <table>
 * <caption>layouts by category</caption>
 * <tr><th>category</th><th>characters 3-12</th><th>13</th><th>14</th><th>example</th></tr>
 * <tr><td>{@link Category#REGULAR}</td><td>PAN</td><td>registration number in the state, 1-9 then A-Z</td>
 *     <td>{@code Z}</td><td>27AAACR5055K1Z7</td></tr>
 * <tr><td>{@link Category#TAX_DEDUCTOR}</td><td>PAN or TAN</td><td>registration number</td><td>{@code D}</td>
 *     <td>06DELI09652G1DA</td></tr>
 * <tr><td>{@link Category#TAX_COLLECTOR}</td><td>PAN</td><td>registration number</td><td>{@code C}</td>
 *     <td>29AABCF8078M1C8</td></tr>
 * <tr><td>{@link Category#UIN_HOLDER}</td><td>year, country, serial</td><td>{@code U} or {@code O}</td>
 *     <td>{@code N}</td><td>0717UNO00157UNO</td></tr>
 * <tr><td>{@link Category#NON_RESIDENT}</td><td>year, country, serial</td><td>{@code N}</td><td>{@code R}</td>
 *     <td>-</td></tr>
 * <tr><td>{@link Category#OIDAR}</td><td>year, country, serial (state code 99)</td><td>{@code O}</td>
 *     <td>{@code S}</td><td>9917SGP29001OST</td></tr>
 * </table>
 * A PAN is five letters, four digits and a letter; a TAN four letters, five digits and a letter; "year,
 * country, serial" is two digits, three letters and five digits.
 *
 * <p>{@link #parse} trims and upper-cases its input (GSTINs are case-insensitive as typed; the canonical
 * form is upper case) and then checks, in order, length, alphabet, state code, the layout of characters 3-14
 * and the check character, throwing {@link InvalidGstinException} with the first rule broken. A parsed value
 * only proves the number is well formed, not that it is registered on the GST portal. Immutable and
 * thread-safe.
 */
public record Gstin(String value) {
    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final Pattern PAN = Pattern.compile("[A-Z]{5}[0-9]{4}[A-Z]");
    private static final Pattern TAN = Pattern.compile("[A-Z]{4}[0-9]{5}[A-Z]");
    private static final Pattern YEAR_COUNTRY_SERIAL = Pattern.compile("[0-9]{2}[A-Z]{3}[0-9]{5}");
    private static final String OIDAR_STATE_CODE = "99";

    /** The kind of registration a GSTIN stands for, read from its layout. */
    public enum Category {
        /** A normal taxpayer: regular, composition, casual, SEZ unit or developer, input service distributor. */
        REGULAR("regular taxpayer"),
        /** A government department or agency deducting tax at source (section 51 of the CGST Act). */
        TAX_DEDUCTOR("tax deductor (TDS)"),
        /** An e-commerce operator collecting tax at source (section 52 of the CGST Act). */
        TAX_COLLECTOR("tax collector (TCS)"),
        /** A UN body, embassy or consulate, or another person notified for a Unique Identity Number. */
        UIN_HOLDER("UN body, embassy or other notified person (UIN)"),
        /** A non-resident taxable person making occasional supplies in India. */
        NON_RESIDENT("non-resident taxable person"),
        /** A supplier abroad of online information and database access or retrieval services. */
        OIDAR("non-resident online services provider (OIDAR)");

        private final String description;

        Category(String description) {
            this.description = description;
        }

        /** In words, e.g. {@code "tax deductor (TDS)"}. */
        public String description() {
            return description;
        }
    }

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

    /** The kind of registration, read from the layout of characters 3-14. */
    public Category category() {
        return category(value).orElseThrow();
    }

    /**
     * Characters 3-12: the holder's PAN (regular taxpayers, tax collectors, most tax deductors), a tax
     * deductor's TAN, or the year, country and serial of a UIN, non-resident or OIDAR registration.
     */
    public String holderId() {
        return value.substring(2, 12);
    }

    /** The holder's Permanent Account Number (characters 3-12), when the GSTIN is built on one. */
    public Optional<String> pan() {
        return PAN.matcher(holderId()).matches() ? Optional.of(holderId()) : Optional.empty();
    }

    /**
     * The registration number of the holder within the state (13th character: 1-9 then A-Z), for the
     * categories built on a PAN or TAN; empty for UIN, non-resident and OIDAR registrations.
     */
    public Optional<Character> entityNumber() {
        return YEAR_COUNTRY_SERIAL.matcher(holderId()).matches() ? Optional.empty() : Optional.of(value.charAt(12));
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
        if (category(gstin).isEmpty()) {
            return layoutProblem(candidate, gstin);
        }
        char expected = checkCharacter(gstin.substring(0, 14));
        if (gstin.charAt(14) != expected) {
            return invalid(Problem.CHECK_CHARACTER, candidate,
                    "check character is '" + gstin.charAt(14) + "', expected '" + expected + "'");
        }
        return null;
    }

    /** The category of a canonical 15-character GSTIN of the right alphabet, or empty when no layout fits. */
    private static Optional<Category> category(String gstin) {
        String holder = gstin.substring(2, 12);
        char c13 = gstin.charAt(12);
        char c14 = gstin.charAt(13);
        if (PAN.matcher(holder).matches() && c13 != '0') {
            return switch (c14) {
                case 'Z' -> Optional.of(Category.REGULAR);
                case 'D' -> Optional.of(Category.TAX_DEDUCTOR);
                case 'C' -> Optional.of(Category.TAX_COLLECTOR);
                default -> Optional.empty();
            };
        }
        if (TAN.matcher(holder).matches() && c13 != '0') {
            return c14 == 'D' ? Optional.of(Category.TAX_DEDUCTOR) : Optional.empty();
        }
        if (YEAR_COUNTRY_SERIAL.matcher(holder).matches()) {
            String code = gstin.substring(12, 14);
            if (code.equals("UN") || code.equals("ON")) {
                return Optional.of(Category.UIN_HOLDER);
            }
            if (code.equals("NR")) {
                return Optional.of(Category.NON_RESIDENT);
            }
            if (code.equals("OS") && gstin.startsWith(OIDAR_STATE_CODE)) {
                return Optional.of(Category.OIDAR);
            }
        }
        return Optional.empty();
    }

    /** Why characters 3-14 of {@code gstin} (for which {@link #category} is empty) fit no layout. */
    private static InvalidGstinException layoutProblem(String candidate, String gstin) {
        String holder = gstin.substring(2, 12);
        boolean pan = PAN.matcher(holder).matches();
        if (pan || TAN.matcher(holder).matches()) {
            if (gstin.charAt(12) == '0') {
                return invalid(Problem.ENTITY_NUMBER, candidate,
                        "character 13 (registration number in the state) must be 1-9 or A-Z, was 0");
            }
            return invalid(Problem.DEFAULT_CHARACTER, candidate, pan
                    ? "character 14 must be Z (regular), D (tax deductor) or C (tax collector), was '"
                            + gstin.charAt(13) + "'"
                    : "characters 3-12 are a TAN, which only a tax deductor's GSTIN carries: character 14 must be D,"
                            + " was '" + gstin.charAt(13) + "'");
        }
        if (YEAR_COUNTRY_SERIAL.matcher(holder).matches()) {
            String code = gstin.substring(12, 14);
            if (code.equals("OS")) {
                return invalid(Problem.STATE_CODE, candidate, "an OIDAR registration (characters 13-14 OS) carries"
                        + " state code 99, not " + gstin.substring(0, 2));
            }
            return invalid(Problem.CATEGORY_CODE, candidate, "characters 13-14 '" + code + "' after a year, country"
                    + " and serial must be UN or ON (UIN), NR (non-resident) or OS (OIDAR)");
        }
        return invalid(Problem.PAN, candidate, "characters 3-12 '" + holder + "' are not a PAN (5 letters, 4 digits,"
                + " 1 letter), a TAN (4 letters, 5 digits, 1 letter) or a year, country and serial (2 digits, 3 letters,"
                + " 5 digits)");
    }

    private static InvalidGstinException invalid(Problem problem, String candidate, String message) {
        return new InvalidGstinException(problem, candidate, message);
    }
}
