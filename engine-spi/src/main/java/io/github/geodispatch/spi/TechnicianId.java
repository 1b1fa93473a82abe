package io.github.geodispatch.spi;

/** A technician id: an opaque, validated token. Immutable and thread-safe. */
public record TechnicianId(String value) implements Comparable<TechnicianId> {
    public TechnicianId {
        Ids.require("technician id", value);
    }

    public static TechnicianId of(String value) {
        return new TechnicianId(value);
    }

    @Override
    public int compareTo(TechnicianId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
