package io.github.geodispatch.geofence;

import java.util.regex.Pattern;

/** A fence id: a short printable token (a site id, a branch id or a zone name). Immutable and thread-safe. */
public record FenceId(String value) implements Comparable<FenceId> {
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/@-]{0,63}");

    public FenceId {
        if (value == null || !TOKEN.matcher(value).matches()) {
            throw new IllegalArgumentException("fence id '" + value
                    + "' must be 1-64 chars of letters, digits and . _ : / @ -, starting with a letter or digit");
        }
    }

    public static FenceId of(String value) {
        return new FenceId(value);
    }

    @Override
    public int compareTo(FenceId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
