package io.github.geodispatch.spi;

/** An equipment id: an opaque, validated token. Immutable and thread-safe. */
public record EquipmentId(String value) implements Comparable<EquipmentId> {
    public EquipmentId {
        Ids.require("equipment id", value);
    }

    public static EquipmentId of(String value) {
        return new EquipmentId(value);
    }

    @Override
    public int compareTo(EquipmentId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
