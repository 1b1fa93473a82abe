package io.github.geodispatch.spi;

/** A tenant id: an opaque, validated token. Immutable and thread-safe. */
public record TenantId(String value) implements Comparable<TenantId> {
    public TenantId {
        Ids.require("tenant id", value);
    }

    public static TenantId of(String value) {
        return new TenantId(value);
    }

    @Override
    public int compareTo(TenantId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
