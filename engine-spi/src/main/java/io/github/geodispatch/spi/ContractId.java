package io.github.geodispatch.spi;

/** A contract id: an opaque, validated token. Immutable and thread-safe. */
public record ContractId(String value) implements Comparable<ContractId> {
    public ContractId {
        Ids.require("contract id", value);
    }

    public static ContractId of(String value) {
        return new ContractId(value);
    }

    @Override
    public int compareTo(ContractId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
