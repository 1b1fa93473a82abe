package io.github.geodispatch.spi;

/**
 * The shape checks of the SPI's fixed-form codes (a UTR, an M-Pesa TransID, an HSN code) by their characters: a regex
 * matcher per value was a tenth of a payment's import. Stateless and thread-safe.
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
}
