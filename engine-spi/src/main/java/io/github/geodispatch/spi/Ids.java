package io.github.geodispatch.spi;

/**
 * Shared validation of the identifier records (short printable tokens) and of SHA-256 hex digests. Table
 * lookups rather than regexes or chains of range tests: every stored event read back checks several ids
 * and a 64-digit hash, and with random hex digits the range tests mispredict about every other character.
 */
final class Ids {
    private static final int MAX_LENGTH = 64;
    /** Characters a token may start with: ASCII letters and digits. */
    private static final boolean[] TOKEN_START = new boolean[128];
    /** Characters a token may continue with: those, and {@code . _ : / @ -}. */
    private static final boolean[] TOKEN_PART = new boolean[128];
    private static final boolean[] LOWER_HEX = new boolean[128];

    static {
        for (char c = 'a'; c <= 'z'; c++) {
            TOKEN_START[c] = true;
            TOKEN_START[Character.toUpperCase(c)] = true;
        }
        for (char c = '0'; c <= '9'; c++) {
            TOKEN_START[c] = true;
            LOWER_HEX[c] = true;
        }
        for (char c = 'a'; c <= 'f'; c++) {
            LOWER_HEX[c] = true;
        }
        System.arraycopy(TOKEN_START, 0, TOKEN_PART, 0, TOKEN_START.length);
        for (char c : ".:_/@-".toCharArray()) {
            TOKEN_PART[c] = true;
        }
    }

    private Ids() {}

    /**
     * Returns {@code value} if it is 1-64 chars of ASCII letters, digits and {@code . _ : / @ -}, starting
     * with a letter or digit.
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
        if (length == 0 || length > MAX_LENGTH || !in(TOKEN_START, value.charAt(0))) {
            return false;
        }
        for (int i = 1; i < length; i++) {
            if (!in(TOKEN_PART, value.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** True for exactly 64 lower-case hex digits (a SHA-256 in hex). */
    static boolean isSha256Hex(String value) {
        if (value == null || value.length() != 64) {
            return false;
        }
        for (int i = 0; i < 64; i++) {
            if (!in(LOWER_HEX, value.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean in(boolean[] table, char c) {
        return c < table.length && table[c];
    }
}
