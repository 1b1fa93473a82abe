package io.github.geodispatch.spi;

import java.util.regex.Pattern;

/** Shared validation for the identifier records. Identifiers are short printable tokens. */
final class Ids {
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/@-]{0,63}");

    private Ids() {}

    static String require(String kind, String value) {
        if (value == null) {
            throw new IllegalArgumentException(kind + " must not be null");
        }
        if (!TOKEN.matcher(value).matches()) {
            throw new IllegalArgumentException(kind + " '" + value
                    + "' must be 1-64 chars of letters, digits and . _ : / @ -, starting with a letter or digit");
        }
        return value;
    }
}
