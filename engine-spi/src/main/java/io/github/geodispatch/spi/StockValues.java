package io.github.geodispatch.spi;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/** The value checks the stock event records share. */
final class StockValues {
    private static final Pattern HSN = Pattern.compile("\\d{4,8}");
    private static final int MAX_TEXT = 200;

    private StockValues() {}

    static void requireSha256(String value, String what) {
        if (value == null || value.length() != 64) {
            throw new IllegalArgumentException(what + " must be 64 lower-case hex chars, was " + value);
        }
        // a loop, not a regex: every stored or replayed stock event passes here
        for (int i = 0; i < 64; i++) {
            char c = value.charAt(i);
            if ((c < '0' || c > '9') && (c < 'a' || c > 'f')) {
                throw new IllegalArgumentException(what + " must be 64 lower-case hex chars, was " + value);
            }
        }
    }

    static String requireSku(String sku) {
        if (sku == null || sku.isBlank() || sku.length() > 64 || hasControl(sku)) {
            throw new IllegalArgumentException("sku must be 1-64 printable chars, not blank, was '" + sku + "'");
        }
        return sku;
    }

    static String requireHsn(String hsn) {
        if (hsn != null && !HSN.matcher(hsn).matches()) {
            throw new IllegalArgumentException("HSN code must be 4-8 digits, was '" + hsn + "'");
        }
        return hsn;
    }

    static String requireText(String value, String what) {
        if (value == null || value.isBlank() || value.length() > MAX_TEXT || hasControl(value)) {
            throw new IllegalArgumentException(what + " must be 1-" + MAX_TEXT + " printable chars, not blank, was '"
                    + value + "'");
        }
        return value;
    }

    /** Null or blank becomes null; otherwise as {@link #requireText}. */
    static String optionalText(String value, String what) {
        return value == null || value.isBlank() ? null : requireText(value, what);
    }

    static int requirePositive(int quantity, String what) {
        if (quantity < 1) {
            throw new IllegalArgumentException(what + " must be >= 1, was " + quantity);
        }
        return quantity;
    }

    static int requireNonNegative(int quantity, String what) {
        if (quantity < 0) {
            throw new IllegalArgumentException(what + " must be >= 0, was " + quantity);
        }
        return quantity;
    }

    static Money requireCost(Money cost, String what) {
        return Objects.requireNonNull(cost, what).requireNonNegative(what);
    }

    /** A copy of {@code serials}: distinct, each 1-64 printable chars; null is empty. */
    static List<String> serials(List<String> serials, String what) {
        if (serials == null || serials.isEmpty()) {
            return List.of();
        }
        List<String> copy = List.copyOf(serials);
        Set<String> seen = new HashSet<>(copy.size() * 2);
        for (String s : copy) {
            if (s.isBlank() || s.length() > 64 || hasControl(s)) {
                throw new IllegalArgumentException(what + ": a serial must be 1-64 printable chars, was '" + s + "'");
            }
            if (!seen.add(s)) {
                throw new IllegalArgumentException(what + ": serial " + s + " appears twice");
            }
        }
        return copy;
    }

    /** Serials must be absent, or one per unit. */
    static void requireOnePerUnit(List<String> serials, int units, String what) {
        if (!serials.isEmpty() && serials.size() != units) {
            throw new IllegalArgumentException(what + " names " + serials.size() + " serials for " + units
                    + " units: name one per unit, or none");
        }
    }

    static void requireLocationStream(StockEventHeader header, String what) {
        Objects.requireNonNull(header, "header");
        if (header.stream().isCatalogue()) {
            throw new IllegalArgumentException(what + " belongs on a location's stream, not the catalogue");
        }
    }

    private static boolean hasControl(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isISOControl(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
