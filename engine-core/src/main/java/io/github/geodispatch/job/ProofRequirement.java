package io.github.geodispatch.job;

import io.github.geodispatch.spi.JobEvent;
import io.github.geodispatch.spi.ProofKind;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * One piece of proof a closure policy asks for: a proof of any of {@code kinds}, with {@code label} when it
 * is not empty (compared ignoring case and surrounding blanks, so "Before" matches "before").
 * Immutable and thread-safe.
 */
public record ProofRequirement(Set<ProofKind> kinds, String label) {
    public ProofRequirement {
        if (kinds == null || kinds.isEmpty()) {
            throw new IllegalArgumentException("a proof requirement needs at least one proof kind");
        }
        kinds = Collections.unmodifiableSet(EnumSet.copyOf(kinds));
        label = label == null ? "" : label.strip().toLowerCase(Locale.ROOT);
    }

    /** A photo labelled {@code label} (e.g. "before", "after"). */
    public static ProofRequirement photo(String label) {
        return new ProofRequirement(EnumSet.of(ProofKind.PHOTO), label);
    }

    /** Any photo. */
    public static ProofRequirement anyPhoto() {
        return new ProofRequirement(EnumSet.of(ProofKind.PHOTO), "");
    }

    /** The customer's approval: a signature or an OTP. */
    public static ProofRequirement customerApproval() {
        return new ProofRequirement(EnumSet.of(ProofKind.SIGNATURE, ProofKind.OTP), "");
    }

    /** A proof of {@code kind} with any label. */
    public static ProofRequirement of(ProofKind kind) {
        return new ProofRequirement(EnumSet.of(kind), "");
    }

    /** True when {@code proof} meets this requirement. */
    public boolean isMetBy(JobEvent.ProofAdded proof) {
        return kinds.contains(proof.kind())
                && (label.isEmpty() || label.equals(proof.label().strip().toLowerCase(Locale.ROOT)));
    }

    /** True when any of {@code proofs} meets this requirement. */
    public boolean isMetByAny(List<JobEvent.ProofAdded> proofs) {
        Objects.requireNonNull(proofs, "proofs");
        for (JobEvent.ProofAdded proof : proofs) {
            if (isMetBy(proof)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        String kindText = kinds.size() == 1 ? kinds.iterator().next().name() : String.join(" or ",
                kinds.stream().map(Enum::name).toList());
        return label.isEmpty() ? kindText : kindText + " '" + label + "'";
    }
}
