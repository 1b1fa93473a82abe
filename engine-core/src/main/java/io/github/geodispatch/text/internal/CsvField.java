package io.github.geodispatch.text.internal;

/**
 * One field of the CSV files the engine and the CLI write (docs/formats.md#csv-fields): quoted per RFC 4180 when it
 * holds a comma, a quote, a CR or an LF, inner quotes doubled. A text field that a spreadsheet would take for a
 * formula (it starts with {@code = + - @}, a tab or a CR) is written with a leading apostrophe, as OWASP advises
 * against CSV injection; amounts, quantities, dates and ids are not. Stateless.
 */
public final class CsvField {
    private CsvField() {}

    /** An amount, quantity, date or id: the value, quoted when it needs to be. */
    public static String value(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return '"' + value.replace("\"", "\"\"") + '"';
            }
        }
        return value;
    }

    /** Free text (a name, an address, a SKU, a reference): as {@link #value}, after an apostrophe if it reads as a formula. */
    public static String text(String value) {
        return value(readsAsFormula(value) ? "'" + value : value);
    }

    private static boolean readsAsFormula(String value) {
        if (value.isEmpty()) {
            return false;
        }
        char c = value.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }
}
