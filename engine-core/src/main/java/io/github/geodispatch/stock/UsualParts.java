package io.github.geodispatch.stock;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The parts a job type usually needs ({@code AC_SERVICE} → one gas top-up and a capacitor), which the van restock
 * list reads. Build one with {@link #builder()}; {@link #none()} knows no job type. Immutable and thread-safe.
 */
public final class UsualParts {
    private static final UsualParts NONE = new UsualParts(Map.of());

    /** {@code quantity} of {@code sku}, usually needed by one job. */
    public record Need(String sku, int quantity) {
        public Need {
            if (sku == null || sku.isBlank()) {
                throw new IllegalArgumentException("usual part sku must not be blank");
            }
            if (quantity < 1) {
                throw new IllegalArgumentException("usual quantity of " + sku + " must be >= 1, was " + quantity);
            }
        }
    }

    private final Map<String, List<Need>> byJobType;

    private UsualParts(Map<String, List<Need>> byJobType) {
        this.byJobType = Map.copyOf(byJobType);
    }

    public static UsualParts none() {
        return NONE;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The usual parts of {@code jobType}; empty when it has none. */
    public List<Need> forJobType(String jobType) {
        return byJobType.getOrDefault(jobType, List.of());
    }

    /** Adds job types one at a time; a job type given twice is an error. Not thread-safe. */
    public static final class Builder {
        private final Map<String, List<Need>> byJobType = new HashMap<>();

        private Builder() {}

        public Builder jobType(String jobType, Need... needs) {
            Objects.requireNonNull(jobType, "job type");
            if (byJobType.putIfAbsent(jobType, List.of(needs)) != null) {
                throw new IllegalStateException("usual parts of " + jobType + " were already given");
            }
            return this;
        }

        public UsualParts build() {
            return new UsualParts(byJobType);
        }
    }
}
