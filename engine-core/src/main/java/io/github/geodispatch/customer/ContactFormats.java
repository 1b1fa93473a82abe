package io.github.geodispatch.customer;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The formats of a customer's contact details, as the customer record checks them. Phone numbers are E.164:
 * an Indian number is {@code +91} and ten digits not starting with 0, a Kenyan one {@code +254} and nine digits
 * not starting with 0, any other country's {@code +}, a country code and up to 15 digits in all; spaces and
 * hyphens typed between digits are dropped ({@link #phone}). Stateless and thread-safe.
 */
public final class ContactFormats {
    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{6,14}");
    private static final Pattern INDIA = Pattern.compile("\\+91[1-9]\\d{9}");
    private static final Pattern KENYA = Pattern.compile("\\+254[1-9]\\d{8}");
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");

    private ContactFormats() {}

    /**
     * The phone number in canonical E.164 form, or a problem naming what is wrong.
     *
     * @return the canonical number; empty with {@code problem} filled when it is malformed
     */
    public static Optional<String> phone(String typed, StringBuilder problem) {
        String compact = typed == null ? "" : typed.strip().replaceAll("(?<=\\d)[ -](?=\\d)", "");
        String why = null;
        if (!E164.matcher(compact).matches()) {
            why = "phone '" + typed + "' is not E.164: '+', a country code and up to 15 digits, such as +919845012345";
        } else if (compact.startsWith("+91") && !INDIA.matcher(compact).matches()) {
            why = "Indian phone '" + typed + "' must be +91 and ten digits not starting with 0";
        } else if (compact.startsWith("+254") && !KENYA.matcher(compact).matches()) {
            why = "Kenyan phone '" + typed + "' must be +254 and nine digits not starting with 0";
        }
        if (why != null) {
            problem.append(why);
            return Optional.empty();
        }
        return Optional.of(compact);
    }

    /** The problem with an e-mail address, or empty when it is well formed (at most 254 characters). */
    public static Optional<String> emailProblem(String email) {
        if (email == null || email.length() > 254 || !EMAIL.matcher(email).matches()) {
            return Optional.of("e-mail '" + email + "' is not an address such as name@example.in");
        }
        return Optional.empty();
    }

    /** The problem with a language tag, or empty when it is an IETF tag such as {@code hi}, {@code kn-IN}, {@code sw}. */
    public static Optional<String> languageProblem(String language) {
        if (language == null || !LANGUAGE.matcher(language).matches()) {
            return Optional.of("language '" + language + "' is not a language tag such as hi, kn, ta, sw or en-IN");
        }
        return Optional.empty();
    }
}
