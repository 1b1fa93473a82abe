package io.github.geodispatch.spi;

/** A branch id: an opaque, validated token. Immutable and thread-safe. */
public record BranchId(String value) implements Comparable<BranchId> {
    public BranchId {
        Ids.require("branch id", value);
    }

    public static BranchId of(String value) {
        return new BranchId(value);
    }

    @Override
    public int compareTo(BranchId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
