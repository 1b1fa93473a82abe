package io.github.geodispatch.leakage;

import io.github.geodispatch.spi.ProofKind;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The proof a job needs before it may close, as groups: each group needs one proof of any kind in it. The
 * default needs a photo and a customer approval (a signature or an OTP). Immutable and thread-safe.
 */
public record ClosureProof(List<Set<ProofKind>> groups) {
    /** A photo, and a signature or an OTP. */
    public static final ClosureProof PHOTO_AND_CUSTOMER_APPROVAL = new ClosureProof(
            List.of(EnumSet.of(ProofKind.PHOTO), EnumSet.of(ProofKind.SIGNATURE, ProofKind.OTP)));

    public ClosureProof {
        groups = groups.stream().map(g -> {
            if (g.isEmpty()) {
                throw new IllegalArgumentException("a proof group must name at least one proof kind");
            }
            return Set.copyOf(g);
        }).toList();
    }

    /** True when the proofs present satisfy every group. */
    public boolean satisfiedBy(Set<ProofKind> present) {
        for (Set<ProofKind> group : groups) {
            boolean any = false;
            for (ProofKind k : group) {
                if (present.contains(k)) {
                    any = true;
                    break;
                }
            }
            if (!any) {
                return false;
            }
        }
        return true;
    }
}
