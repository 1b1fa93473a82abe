package io.github.geodispatch.payment;

import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.Money;
import io.github.geodispatch.spi.PaymentMode;
import io.github.geodispatch.spi.StatementCredit;
import io.github.geodispatch.spi.TechnicianId;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Links statement credits (UPI/PSP settlements, M-Pesa confirmations, bank lines) to jobs, incrementally:
 * feed it jobs, payment claims and credits in any order, and ask for a credit's match at any time. A credit
 * matches, in this order:
 * <ol>
 * <li>the job its bill reference ({@code tr} / BillRefNumber) names;</li>
 * <li>the job whose payment claim carries its UTR/TransID (the earliest claim when several do; none when that
 * claim's job was let go while later claims of it are held: the credit came too late for it);</li>
 * <li>the only claim of the same amount, made within {@link #window()} of the credit, whose own reference no
 * credit carries, and, when the bill reference names a technician (a customer who typed the technician's
 * number as the M-Pesa account), made on that technician's job.</li>
 * </ol>
 * Credits are idempotent on their reference (UTR/TransID): the same credit twice is one credit. A match
 * depends only on what was fed, not on the order it came in. Each question is answered from hash indexes
 * and a time-ordered index per amount (no scan over all credits or claims).
 *
 * <p>Not thread-safe: confine to one thread or guard externally.
 */
public final class Reconciler {
    /** A payment record on a job that claims money arrived by a traceable route (UPI, MPESA, CARD). */
    public record Claim(JobId job, TechnicianId technician, PaymentMode mode, Money amount, String reference,
                        Instant at, UUID eventId) {
        public Claim {
            Objects.requireNonNull(job, "job");
            Objects.requireNonNull(mode, "mode");
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(eventId, "eventId");
        }
    }

    private static final Comparator<Claim> EARLIEST = Comparator.comparing(Claim::at)
            .thenComparing(c -> c.job().value()).thenComparing(Claim::eventId);

    private final Duration window;
    private final Set<JobId> jobs = new HashSet<>();
    private final Set<String> technicians = new HashSet<>();
    private final Map<String, StatementCredit> credits = new HashMap<>();
    /** The claims carrying each reference, kept earliest first. */
    private final Map<String, List<Claim>> claimsByReference = new HashMap<>();
    private final Map<Money, NavigableMap<Instant, List<Claim>>> claimsByAmount = new HashMap<>();
    /**
     * Per reference, the claim it belonged to when that claim's job was let go ({@link #forget}) while other claims
     * of it were held: they stay duplicates of it, as they would be were nothing let go. One entry per reference,
     * dropped with the reference's last claim.
     */
    private final Map<String, Claim> firstLetGo = new HashMap<>();
    /**
     * References whose statement credit was let go ({@link #forgetCredit}, with the job it linked to) while claims of
     * them are held: a credit still carries them, and the same credit again is still a repeat. Dropped with the
     * reference's last claim.
     */
    private final Set<String> creditsLetGo = new HashSet<>();

    /** A reconciler that matches by amount within {@code window} either side of the credit's time. */
    public Reconciler(Duration window) {
        if (window == null || window.isNegative()) {
            throw new IllegalArgumentException("window must be a non-negative duration, was " + window);
        }
        this.window = window;
    }

    public Duration window() {
        return window;
    }

    /** Makes {@code job} known, so a bill reference naming it matches. */
    public void job(JobId job) {
        jobs.add(Objects.requireNonNull(job, "job"));
    }

    /** Makes {@code technician} known, so a bill reference naming them narrows amount matching. */
    public void technician(TechnicianId technician) {
        technicians.add(technician.value());
    }

    /** Records a claim; claims of modes that leave no statement trace (CASH, AMC, ...) are ignored. */
    public void claim(Claim claim) {
        if (!traceable(claim.mode())) {
            return;
        }
        if (claim.reference() != null) {
            List<Claim> claims = claimsByReference.computeIfAbsent(claim.reference(), r -> new ArrayList<>(1));
            int at = Collections.binarySearch(claims, claim, EARLIEST);
            claims.add(at < 0 ? -at - 1 : at, claim);
        }
        claimsByAmount.computeIfAbsent(claim.amount(), a -> new TreeMap<>())
                .computeIfAbsent(claim.at(), t -> new ArrayList<>(1)).add(claim);
    }

    /** Records a credit; returns false (and changes nothing) when a credit with its reference was recorded. */
    public boolean credit(StatementCredit credit) {
        return !creditsLetGo.contains(credit.reference()) && credits.putIfAbsent(credit.reference(), credit) == null;
    }

    /**
     * Whether a statement credit carries {@code reference}: one recorded, or one let go while claims of the reference
     * are held (see {@link #forgetCredit}).
     */
    public boolean carried(String reference) {
        return credits.containsKey(reference) || creditsLetGo.contains(reference);
    }

    /** The credit recorded under {@code reference}, if any. */
    public Optional<StatementCredit> credit(String reference) {
        return Optional.ofNullable(reference == null ? null : credits.get(reference));
    }

    public Collection<StatementCredit> credits() {
        return java.util.Collections.unmodifiableCollection(credits.values());
    }

    /**
     * The claims carrying {@code reference}, earliest first: a read-only view (no copy: a reference typed on thousands
     * of jobs is read on each claim of it), to be read before the next claim or withdrawal.
     */
    public List<Claim> claims(String reference) {
        List<Claim> claims = claimsByReference.get(reference);
        return claims == null ? List.of() : Collections.unmodifiableList(claims);
    }

    /**
     * When two or more claims carry {@code reference}, the one it belongs to: the earliest claim of the job its
     * statement credit names by bill reference, when that job claims it, else the earliest claim (a credit that
     * links by the reference itself links to that one); every other claim is a duplicate. A first claim whose job
     * was let go while others of the reference were held stays the first (see {@link #forget}), unless a credit
     * names a held claimant by bill reference. Empty when fewer than two claims carry it. Copies nothing, so a
     * reference that many jobs claim (a technician's "NA" typed on every job) stays cheap to ask about.
     */
    public Optional<Claim> firstOfSeveral(String reference) {
        List<Claim> claims = claimsByReference.get(reference);
        if (claims == null) {
            return Optional.empty();
        }
        Claim letGo = firstLetGo.get(reference);
        if (letGo == null && claims.size() < 2) {
            return Optional.empty();
        }
        StatementCredit credit = credits.get(reference);
        if (credit != null) {
            Optional<CreditMatch> match = match(credit);
            if (match.isPresent() && match.get().basis() == CreditMatch.Basis.BILL_REFERENCE) {
                for (Claim c : claims) {
                    if (c.job().equals(match.get().job())) {
                        return Optional.of(c);
                    }
                }
            }
        }
        return Optional.of(letGo != null ? letGo : claims.get(0));
    }

    /**
     * Withdraws {@code job} and its {@code claims} (as they were recorded): a credit can no longer link to them.
     * For letting go of a job nothing will touch again. A claim that a reference belongs to while other claims of it
     * are held is remembered as the reference's first claim until the last of them is withdrawn, so they stay
     * duplicates of it.
     */
    public void forget(JobId job, List<Claim> claims) {
        // which claims own their reference is read before anything is withdrawn (a credit may name the job)
        List<Claim> owners = null;
        for (Claim claim : claims) {
            if (claim.reference() != null && firstOfSeveral(claim.reference()).filter(claim::equals).isPresent()) {
                if (owners == null) {
                    owners = new ArrayList<>(1);
                }
                owners.add(claim);
            }
        }
        jobs.remove(job);
        for (Claim claim : claims) {
            if (claim.reference() != null) {
                removeFrom(claimsByReference, claim.reference(), claim);
                if (!claimsByReference.containsKey(claim.reference())) {
                    firstLetGo.remove(claim.reference());
                    creditsLetGo.remove(claim.reference());
                } else if (owners != null && owners.contains(claim)) {
                    firstLetGo.put(claim.reference(), claim);
                }
            }
            NavigableMap<Instant, List<Claim>> byTime = claimsByAmount.get(claim.amount());
            if (byTime != null) {
                removeFrom(byTime, claim.at(), claim);
                if (byTime.isEmpty()) {
                    claimsByAmount.remove(claim.amount());
                }
            }
        }
    }

    /**
     * Withdraws the credit recorded under {@code reference}: no claim links to it any more. While claims carrying the
     * reference are held, the reference stays carried and a credit with it stays a repeat (they are verified, as they
     * would be were nothing let go); after, a credit with that reference may be recorded again.
     */
    public void forgetCredit(String reference) {
        if (credits.remove(reference) != null && claimsByReference.containsKey(reference)) {
            creditsLetGo.add(reference);
        }
    }

    private static <K> void removeFrom(Map<K, List<Claim>> map, K key, Claim claim) {
        List<Claim> list = map.get(key);
        if (list != null && list.remove(claim) && list.isEmpty()) {
            map.remove(key);
        }
    }

    /** The job {@code credit} belongs to, or empty when it links to none. */
    public Optional<CreditMatch> match(StatementCredit credit) {
        String billRef = credit.billRef();
        if (billRef != null && jobs.contains(jobIdOrNull(billRef))) {
            return Optional.of(new CreditMatch(credit, JobId.of(billRef), CreditMatch.Basis.BILL_REFERENCE));
        }
        List<Claim> byReference = claimsByReference.get(credit.reference());
        if (byReference != null && !byReference.isEmpty()) {
            if (firstLetGo.containsKey(credit.reference())) {
                return Optional.empty(); // it belongs to the reference's first claim, whose job was let go: too late
            }
            return Optional.of(new CreditMatch(credit, byReference.get(0).job(), CreditMatch.Basis.PAYMENT_REFERENCE));
        }
        String technician = billRef != null && technicians.contains(billRef) ? billRef : null;
        Claim only = null;
        NavigableMap<Instant, List<Claim>> byTime = claimsByAmount.get(credit.amount());
        if (byTime == null) {
            return Optional.empty();
        }
        for (List<Claim> claims : byTime.subMap(credit.at().minus(window), true, credit.at().plus(window), true).values()) {
            for (Claim c : claims) {
                if (c.reference() != null && carried(c.reference())) {
                    continue;
                }
                if (technician != null && (c.technician() == null || !technician.equals(c.technician().value()))) {
                    continue;
                }
                if (only != null && !only.job().equals(c.job())) {
                    return Optional.empty();
                }
                only = c;
            }
        }
        return only == null ? Optional.empty() : Optional.of(new CreditMatch(credit, only.job(), CreditMatch.Basis.AMOUNT_AND_TIME));
    }

    /** True for the modes whose money leaves a statement trace (UPI, MPESA, CARD). */
    public static boolean traceable(PaymentMode mode) {
        return mode == PaymentMode.UPI || mode == PaymentMode.MPESA || mode == PaymentMode.CARD;
    }

    private static JobId jobIdOrNull(String value) {
        try {
            return JobId.of(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
