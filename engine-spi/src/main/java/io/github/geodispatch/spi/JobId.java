package io.github.geodispatch.spi;

/** A job id: an opaque, validated token. Immutable and thread-safe. */
public record JobId(String value) implements Comparable<JobId> {
    public JobId {
        Ids.require("job id", value);
    }

    public static JobId of(String value) {
        return new JobId(value);
    }

    @Override
    public int compareTo(JobId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
