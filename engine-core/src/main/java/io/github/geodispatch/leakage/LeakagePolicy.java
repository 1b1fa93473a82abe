package io.github.geodispatch.leakage;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;

/**
 * The knobs of the leakage rules: grace periods, visit thresholds, the amount-match window of statement
 * reconciliation, the business's time zone (for "that day" and coverage validity dates) and the closure proof
 * per job type, and whether the visit rules (GHOST_VISIT, OFF_BOOK_VISIT) run at all ({@code visitRules}: off
 * when no visit detector feeds the monitor, since every job would then look like a ghost). {@link #defaults()} gives the documented defaults; the {@code with*} methods return a changed
 * copy. Immutable and thread-safe.
 */
public record LeakagePolicy(Duration paymentStatusGrace, Duration verificationGrace, Duration invoiceGrace,
                            Duration cashDepositGrace, Duration ghostVisitMinimumStay, Duration offBookMinimumStay,
                            Duration amountMatchWindow, ZoneId zone, ClosureProof defaultClosureProof,
                            Map<String, ClosureProof> closureProofByJobType, boolean visitRules) {
    public LeakagePolicy {
        nonNegative(paymentStatusGrace, "payment status grace");
        nonNegative(verificationGrace, "verification grace");
        nonNegative(invoiceGrace, "invoice grace");
        nonNegative(cashDepositGrace, "cash deposit grace");
        nonNegative(ghostVisitMinimumStay, "ghost visit minimum stay");
        nonNegative(offBookMinimumStay, "off-book minimum stay");
        nonNegative(amountMatchWindow, "amount match window");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(defaultClosureProof, "default closure proof");
        closureProofByJobType = Map.copyOf(closureProofByJobType);
    }

    /**
     * Payment status 2 h, verification 48 h, invoice 24 h, cash deposit 48 h, ghost visit 5 min, off-book
     * visit 20 min, amount match window 24 h, zone Asia/Kolkata, closure proof a photo and a customer approval,
     * visit rules on.
     */
    public static LeakagePolicy defaults() {
        return new LeakagePolicy(Duration.ofHours(2), Duration.ofHours(48), Duration.ofHours(24), Duration.ofHours(48),
                Duration.ofMinutes(5), Duration.ofMinutes(20), Duration.ofHours(24), ZoneId.of("Asia/Kolkata"),
                ClosureProof.PHOTO_AND_CUSTOMER_APPROVAL, Map.of(), true);
    }

    public ClosureProof closureProof(String jobType) {
        return closureProofByJobType.getOrDefault(jobType, defaultClosureProof);
    }

    public LeakagePolicy withPaymentStatusGrace(Duration d) {
        return new LeakagePolicy(d, verificationGrace, invoiceGrace, cashDepositGrace, ghostVisitMinimumStay,
                offBookMinimumStay, amountMatchWindow, zone, defaultClosureProof, closureProofByJobType, visitRules);
    }

    public LeakagePolicy withVerificationGrace(Duration d) {
        return new LeakagePolicy(paymentStatusGrace, d, invoiceGrace, cashDepositGrace, ghostVisitMinimumStay,
                offBookMinimumStay, amountMatchWindow, zone, defaultClosureProof, closureProofByJobType, visitRules);
    }

    public LeakagePolicy withInvoiceGrace(Duration d) {
        return new LeakagePolicy(paymentStatusGrace, verificationGrace, d, cashDepositGrace, ghostVisitMinimumStay,
                offBookMinimumStay, amountMatchWindow, zone, defaultClosureProof, closureProofByJobType, visitRules);
    }

    public LeakagePolicy withCashDepositGrace(Duration d) {
        return new LeakagePolicy(paymentStatusGrace, verificationGrace, invoiceGrace, d, ghostVisitMinimumStay,
                offBookMinimumStay, amountMatchWindow, zone, defaultClosureProof, closureProofByJobType, visitRules);
    }

    public LeakagePolicy withVisitRules(boolean on) {
        return new LeakagePolicy(paymentStatusGrace, verificationGrace, invoiceGrace, cashDepositGrace,
                ghostVisitMinimumStay, offBookMinimumStay, amountMatchWindow, zone, defaultClosureProof,
                closureProofByJobType, on);
    }

    public LeakagePolicy withZone(ZoneId z) {
        return new LeakagePolicy(paymentStatusGrace, verificationGrace, invoiceGrace, cashDepositGrace,
                ghostVisitMinimumStay, offBookMinimumStay, amountMatchWindow, z, defaultClosureProof, closureProofByJobType, visitRules);
    }

    public LeakagePolicy withClosureProof(String jobType, ClosureProof proof) {
        java.util.HashMap<String, ClosureProof> m = new java.util.HashMap<>(closureProofByJobType);
        m.put(Objects.requireNonNull(jobType, "job type"), Objects.requireNonNull(proof, "proof"));
        return new LeakagePolicy(paymentStatusGrace, verificationGrace, invoiceGrace, cashDepositGrace,
                ghostVisitMinimumStay, offBookMinimumStay, amountMatchWindow, zone, defaultClosureProof, m, visitRules);
    }

    private static void nonNegative(Duration d, String what) {
        if (d == null || d.isNegative()) {
            throw new IllegalArgumentException(what + " must be a non-negative duration, was " + d);
        }
    }
}
