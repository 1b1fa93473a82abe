package io.github.geodispatch.leakage;

import io.github.geodispatch.job.ClosurePolicies;
import io.github.geodispatch.job.ClosurePolicy;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * The knobs of the leakage rules: grace periods, visit thresholds, the amount-match window of statement
 * reconciliation, the business's time zone (for "that day" and coverage validity dates), the closure policies
 * whose {@code beforeCompleted} proof PROOF_MISSING checks, and whether the visit rules (GHOST_VISIT,
 * OFF_BOOK_VISIT) run at all ({@code visitRules}: off when no visit detector feeds the monitor, since every
 * job would then look like a ghost), and which findings are reported ({@code codes}: a rule whose codes are all
 * left out does not run). {@link #defaults()} gives the documented defaults; the {@code with*}
 * methods return a changed copy. Immutable and thread-safe.
 */
public record LeakagePolicy(Duration paymentStatusGrace, Duration verificationGrace, Duration invoiceGrace,
                            Duration cashDepositGrace, Duration ghostVisitMinimumStay, Duration offBookMinimumStay,
                            Duration amountMatchWindow, ZoneId zone, ClosurePolicies closurePolicies,
                            boolean visitRules, Set<LeakageCode> codes) {
    public LeakagePolicy {
        nonNegative(paymentStatusGrace, "payment status grace");
        nonNegative(verificationGrace, "verification grace");
        nonNegative(invoiceGrace, "invoice grace");
        nonNegative(cashDepositGrace, "cash deposit grace");
        nonNegative(ghostVisitMinimumStay, "ghost visit minimum stay");
        nonNegative(offBookMinimumStay, "off-book minimum stay");
        nonNegative(amountMatchWindow, "amount match window");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(closurePolicies, "closure policies");
        if (codes == null || codes.isEmpty()) {
            throw new IllegalArgumentException("a leakage policy reports at least one finding code, was " + codes);
        }
        codes = Collections.unmodifiableSet(EnumSet.copyOf(codes));
    }

    /**
     * Payment status 2 h, verification 48 h, invoice 24 h, cash deposit 48 h, ghost visit 5 min, off-book
     * visit 20 min, amount match window 24 h, zone Asia/Kolkata, closure policy {@link ClosurePolicy#standard()}
     * (a photo and a customer approval before completion) for every job type, visit rules on, every code reported.
     */
    public static LeakagePolicy defaults() {
        return new LeakagePolicy(Duration.ofHours(2), Duration.ofHours(48), Duration.ofHours(24), Duration.ofHours(48),
                Duration.ofMinutes(5), Duration.ofMinutes(20), Duration.ofHours(24), ZoneId.of("Asia/Kolkata"),
                ClosurePolicies.builder().defaultPolicy(ClosurePolicy.standard()).build(), true,
                EnumSet.allOf(LeakageCode.class));
    }

    public LeakagePolicy withPaymentStatusGrace(Duration d) {
        return new LeakagePolicy(d, verificationGrace, invoiceGrace, cashDepositGrace, ghostVisitMinimumStay,
                offBookMinimumStay, amountMatchWindow, zone, closurePolicies, visitRules, codes);
    }

    public LeakagePolicy withVerificationGrace(Duration d) {
        return new LeakagePolicy(paymentStatusGrace, d, invoiceGrace, cashDepositGrace, ghostVisitMinimumStay,
                offBookMinimumStay, amountMatchWindow, zone, closurePolicies, visitRules, codes);
    }

    public LeakagePolicy withInvoiceGrace(Duration d) {
        return new LeakagePolicy(paymentStatusGrace, verificationGrace, d, cashDepositGrace, ghostVisitMinimumStay,
                offBookMinimumStay, amountMatchWindow, zone, closurePolicies, visitRules, codes);
    }

    public LeakagePolicy withCashDepositGrace(Duration d) {
        return new LeakagePolicy(paymentStatusGrace, verificationGrace, invoiceGrace, d, ghostVisitMinimumStay,
                offBookMinimumStay, amountMatchWindow, zone, closurePolicies, visitRules, codes);
    }

    public LeakagePolicy withZone(ZoneId z) {
        return new LeakagePolicy(paymentStatusGrace, verificationGrace, invoiceGrace, cashDepositGrace,
                ghostVisitMinimumStay, offBookMinimumStay, amountMatchWindow, z, closurePolicies, visitRules, codes);
    }

    public LeakagePolicy withClosurePolicies(ClosurePolicies policies) {
        return new LeakagePolicy(paymentStatusGrace, verificationGrace, invoiceGrace, cashDepositGrace,
                ghostVisitMinimumStay, offBookMinimumStay, amountMatchWindow, zone, policies, visitRules, codes);
    }

    public LeakagePolicy withVisitRules(boolean on) {
        return new LeakagePolicy(paymentStatusGrace, verificationGrace, invoiceGrace, cashDepositGrace,
                ghostVisitMinimumStay, offBookMinimumStay, amountMatchWindow, zone, closurePolicies, on, codes);
    }

    /** This policy reporting only {@code codes} (at least one); the rules that find none of them do not run. */
    public LeakagePolicy withCodes(Set<LeakageCode> codes) {
        return new LeakagePolicy(paymentStatusGrace, verificationGrace, invoiceGrace, cashDepositGrace,
                ghostVisitMinimumStay, offBookMinimumStay, amountMatchWindow, zone, closurePolicies, visitRules, codes);
    }

    /** Whether findings of {@code code} are reported. */
    public boolean reports(LeakageCode code) {
        return codes.contains(code);
    }

    private static void nonNegative(Duration d, String what) {
        if (d == null || d.isNegative()) {
            throw new IllegalArgumentException(what + " must be a non-negative duration, was " + d);
        }
    }
}
