package io.github.geodispatch.dispatch;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How long a job of each type takes (e.g. {@code AC_SERVICE} 45 min, {@code AC_INSTALL} 2 h), with a
 * fallback for types not listed. Build once with {@link #builder()}. Immutable and thread-safe.
 */
public final class JobDurations {
    private final Map<String, Duration> byType;
    private final Duration fallback;

    private JobDurations(Map<String, Duration> byType, Duration fallback) {
        this.byType = Map.copyOf(byType);
        this.fallback = fallback;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The estimate for {@code jobType}: its own entry, else the fallback. */
    public Duration estimate(String jobType) {
        Objects.requireNonNull(jobType, "job type");
        return byType.getOrDefault(jobType, fallback);
    }

    /** Collects the table; each setter fails at once on a bad or repeated value. Not thread-safe. */
    public static final class Builder {
        private final Map<String, Duration> byType = new HashMap<>();
        private Duration fallback;

        private Builder() {}

        public Builder type(String jobType, Duration estimate) {
            if (jobType == null || !jobType.matches("[A-Z][A-Z0-9_]{0,39}")) {
                throw new IllegalArgumentException("job type must be UPPER_SNAKE_CASE, was '" + jobType + "'");
            }
            requireValid(jobType, estimate);
            if (byType.putIfAbsent(jobType, estimate) != null) {
                throw new IllegalStateException("duration of job type " + jobType + " already set");
            }
            return this;
        }

        public Builder fallback(Duration estimate) {
            requireValid("fallback", estimate);
            if (fallback != null) {
                throw new IllegalStateException("fallback duration already set");
            }
            fallback = estimate;
            return this;
        }

        public JobDurations build() {
            if (fallback == null) {
                throw new IllegalStateException("a fallback duration is required");
            }
            return new JobDurations(byType, fallback);
        }

        private static void requireValid(String what, Duration d) {
            Objects.requireNonNull(d, "duration of " + what);
            if (d.isNegative() || d.isZero() || d.compareTo(DispatchJob.MAX_DURATION) > 0 || d.getNano() != 0) {
                throw new IllegalArgumentException("duration of " + what + " must be whole seconds in (0, "
                        + DispatchJob.MAX_DURATION + "], was " + d);
            }
        }
    }
}
