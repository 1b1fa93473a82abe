package io.github.geodispatch.dispatch.internal;
import io.github.geodispatch.dispatch.RejectionReason;
import java.util.EnumSet;
import java.util.Set;

/** {@link RejectionReason} sets as int bit sets (bit = ordinal), for the hot path. Stateless. */
public final class Reasons {
    static final int BRANCH_MISMATCH = bit(RejectionReason.BRANCH_MISMATCH);
    static final int OUTSIDE_SERVICE_AREA = bit(RejectionReason.OUTSIDE_SERVICE_AREA);
    static final int SKILL_MISSING = bit(RejectionReason.SKILL_MISSING);
    static final int CERTIFICATION_EXPIRED = bit(RejectionReason.CERTIFICATION_EXPIRED);
    static final int OFF_SHIFT = bit(RejectionReason.OFF_SHIFT);
    static final int OVER_CAPACITY = bit(RejectionReason.OVER_CAPACITY);
    static final int NO_SLOT = bit(RejectionReason.NO_SLOT);
    private static final RejectionReason[] ALL = RejectionReason.values();

    private Reasons() {}

    static int bit(RejectionReason r) {
        return 1 << r.ordinal();
    }

    /** The first (in rule order) reason of a non-empty set. */
    public static RejectionReason primary(int bits) {
        return ALL[Integer.numberOfTrailingZeros(bits)];
    }

    static Set<RejectionReason> toSet(int bits) {
        EnumSet<RejectionReason> set = EnumSet.noneOf(RejectionReason.class);
        for (RejectionReason r : ALL) {
            if ((bits & bit(r)) != 0) {
                set.add(r);
            }
        }
        return set;
    }

    public static int fromSet(Set<RejectionReason> reasons) {
        int bits = 0;
        for (RejectionReason r : reasons) {
            bits |= bit(r);
        }
        return bits;
    }
}
