package io.github.geodispatch.job;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The closure policy of each job type, with a fallback for types not named. Immutable and thread-safe; build
 * one with {@link #builder()}.
 */
public final class ClosurePolicies {
    private final ClosurePolicy fallback;
    private final Map<String, ClosurePolicy> byJobType;

    private ClosurePolicies(ClosurePolicy fallback, Map<String, ClosurePolicy> byJobType) {
        this.fallback = fallback;
        this.byJobType = Map.copyOf(byJobType);
    }

    /** {@link ClosurePolicy#standard()} for every job type, {@link ClosurePolicy#acService()} for AC_SERVICE. */
    public static ClosurePolicies defaults() {
        return builder().policy("AC_SERVICE", ClosurePolicy.acService()).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The policy for {@code jobType}. */
    public ClosurePolicy forJobType(String jobType) {
        return byJobType.getOrDefault(jobType, fallback);
    }

    @Override
    public String toString() {
        return "ClosurePolicies{fallback=" + fallback + ", byJobType=" + byJobType + "}";
    }

    /** Builds {@link ClosurePolicies}; each setter fails at once on a null or repeated value. Not thread-safe. */
    public static final class Builder {
        private ClosurePolicy fallback;
        private final Map<String, ClosurePolicy> byJobType = new HashMap<>();

        private Builder() {}

        /** The policy of job types without their own; {@link ClosurePolicy#standard()} when not set. */
        public Builder defaultPolicy(ClosurePolicy policy) {
            Objects.requireNonNull(policy, "default policy");
            if (fallback != null) {
                throw new IllegalStateException("default policy was already set to " + fallback);
            }
            fallback = policy;
            return this;
        }

        /** The policy of {@code jobType} (UPPER_SNAKE_CASE). */
        public Builder policy(String jobType, ClosurePolicy policy) {
            if (jobType == null || !jobType.matches("[A-Z][A-Z0-9_]{0,39}")) {
                throw new IllegalArgumentException("job type must be UPPER_SNAKE_CASE, was '" + jobType + "'");
            }
            Objects.requireNonNull(policy, "policy for " + jobType);
            if (byJobType.containsKey(jobType)) {
                throw new IllegalStateException("policy for job type " + jobType + " was already set");
            }
            byJobType.put(jobType, policy);
            return this;
        }

        public ClosurePolicies build() {
            return new ClosurePolicies(fallback == null ? ClosurePolicy.standard() : fallback, byJobType);
        }
    }
}
