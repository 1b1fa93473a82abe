package io.github.geodispatch.spi;

/**
 * The shape checks of the SPI's fixed-form codes (a UTR, an M-Pesa TransID, an HSN code, a job type) by their
 * characters: a regex matcher per value was a tenth of a payment's import. Stateless and thread-safe.
 */
final class CodeShapes {
    private CodeShapes() {}

    /**
     * Whether {@code value} has {@code minLength} to {@code maxLength} characters, each an ASCII digit or, with
     * {@code capitals}, an ASCII capital letter (as the pattern {@code \d{min,max}} or {@code [A-Z0-9]{min,max}}).
     */
    static boolean digitsOrCapitals(String value, int minLength, int maxLength, boolean capitals) {
        if (value == null || value.length() < minLength || value.length() > maxLength) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!(c >= '0' && c <= '9') && !(capitals && c >= 'A' && c <= 'Z')) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code value} is a type code in UPPER_SNAKE_CASE: a capital, then up to 39 capitals, digits or '_'. */
    static boolean upperSnake(String value) {
        if (value == null || value.isEmpty() || value.length() > 40) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean capital = c >= 'A' && c <= 'Z';
            if (!capital && (i == 0 || !(c >= '0' && c <= '9') && c != '_')) {
                return false;
            }
        }
        return true;
    }
}
