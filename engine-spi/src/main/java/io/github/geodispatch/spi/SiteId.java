package io.github.geodispatch.spi;

/** A site id: an opaque, validated token. Immutable and thread-safe. */
public record SiteId(String value) implements Comparable<SiteId> {
    public SiteId {
        Ids.require("site id", value);
    }

    public static SiteId of(String value) {
        return new SiteId(value);
    }

    @Override
    public int compareTo(SiteId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
