package io.github.geodispatch.spi;

/** A customer id: an opaque, validated token. Immutable and thread-safe. */
public record CustomerId(String value) implements Comparable<CustomerId> {
    public CustomerId {
        Ids.require("customer id", value);
    }

    public static CustomerId of(String value) {
        return new CustomerId(value);
    }

    @Override
    public int compareTo(CustomerId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
