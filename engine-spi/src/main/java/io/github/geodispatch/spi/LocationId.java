package io.github.geodispatch.spi;

/** A stock location id (a warehouse or a van): an opaque, validated token. Immutable and thread-safe. */
public record LocationId(String value) implements Comparable<LocationId> {
    public LocationId {
        Ids.require("location id", value);
    }

    public static LocationId of(String value) {
        return new LocationId(value);
    }

    @Override
    public int compareTo(LocationId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
