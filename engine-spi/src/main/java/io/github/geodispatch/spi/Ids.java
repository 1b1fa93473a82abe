package io.github.geodispatch.spi;

/** Shared validation of the identifier records (short printable tokens) and of SHA-256 hex digests. */
final class Ids {
    private static final int MAX_LENGTH = 64;

    private Ids() {}

    /**
     * Returns {@code value} if it is 1-64 chars of ASCII letters, digits and {@code . _ : / @ -}, starting
     * with a letter or digit. A loop rather than a regex: every stored event read back checks several ids,
     * and the regex was most of the time it took to read one.
     */
    static String require(String kind, String value) {
        if (value == null) {
            throw new IllegalArgumentException(kind + " must not be null");
        }
        if (!isToken(value)) {
            throw new IllegalArgumentException(kind + " '" + value
                    + "' must be 1-64 chars of letters, digits and . _ : / @ -, starting with a letter or digit");
        }
        return value;
    }

    private static boolean isToken(String value) {
        int length = value.length();
        if (length == 0 || length > MAX_LENGTH || !isLetterOrDigit(value.charAt(0))) {
            return false;
        }
        for (int i = 1; i < length; i++) {
            char c = value.charAt(i);
            if (!isLetterOrDigit(c) && c != '.' && c != '_' && c != ':' && c != '/' && c != '@' && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static boolean isLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    /** True for exactly 64 lower-case hex digits (a SHA-256 in hex), checked without a regex for the same reason. */
    static boolean isSha256Hex(String value) {
        if (value == null || value.length() != 64) {
            return false;
        }
        for (int i = 0; i < 64; i++) {
            char c = value.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }
}
