package io.github.geodispatch.job;

import java.util.ArrayList;
import java.util.List;

/**
 * What must be on a job before it may be COMPLETED and before it may be CLOSED. Proof asked for
 * {@code beforeCompleted} is necessarily present at closing too. With {@code clearPaymentBeforeClosed}, CLOSED
 * also needs a clear payment status ({@link JobState#hasClearPayment()}). Immutable and thread-safe.
 */
public record ClosurePolicy(List<ProofRequirement> beforeCompleted, List<ProofRequirement> beforeClosed,
                            boolean clearPaymentBeforeClosed) {
    public ClosurePolicy {
        beforeCompleted = List.copyOf(beforeCompleted == null ? List.of() : beforeCompleted);
        beforeClosed = List.copyOf(beforeClosed == null ? List.of() : beforeClosed);
    }

    /** The default: a photo and the customer's approval before COMPLETED; a clear payment before CLOSED. */
    public static ClosurePolicy standard() {
        return new ClosurePolicy(List.of(ProofRequirement.anyPhoto(), ProofRequirement.customerApproval()),
                List.of(), true);
    }

    /** An AC service: before and after photos and the customer's approval; a clear payment before CLOSED. */
    public static ClosurePolicy acService() {
        return new ClosurePolicy(List.of(ProofRequirement.photo("before"), ProofRequirement.photo("after"),
                ProofRequirement.customerApproval()), List.of(), true);
    }

    /** No proof and no payment needed (e.g. an internal inspection). */
    public static ClosurePolicy none() {
        return new ClosurePolicy(List.of(), List.of(), false);
    }

    /** The requirements of {@code beforeCompleted} that {@code job} does not meet yet. */
    public List<ProofRequirement> missingForCompletion(JobState job) {
        return missing(beforeCompleted, job);
    }

    /** The requirements of both lists that {@code job} does not meet yet. */
    public List<ProofRequirement> missingForClosing(JobState job) {
        List<ProofRequirement> all = new ArrayList<>(beforeCompleted);
        all.addAll(beforeClosed);
        return missing(all, job);
    }

    private static List<ProofRequirement> missing(List<ProofRequirement> required, JobState job) {
        List<ProofRequirement> missing = new ArrayList<>();
        for (ProofRequirement requirement : required) {
            if (!requirement.isMetByAny(job.proofs())) {
                missing.add(requirement);
            }
        }
        return missing;
    }
}
