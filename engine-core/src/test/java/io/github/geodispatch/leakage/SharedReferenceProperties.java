package io.github.geodispatch.leakage;

import io.github.geodispatch.spi.PaymentMode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Payment references that several jobs claim: a technician's placeholder ("NA") typed on many jobs, and UTRs claimed
 * twice, with statement credits whose bill reference names one of the claimants (or none). Which claim a reference
 * belongs to decides which of the others are DUPLICATE_PAYMENT_REFERENCE; the monitor judges the other claimants
 * again only when that claim changes. These properties check that nothing else can change them.
 */
class SharedReferenceProperties {
    static final long DAY = 24 * 60;
    static final List<String> REFERENCES = List.of("NA", "400000000001", "400000000002");

    /** A UPI job: the reference it claims (an index into {@link #REFERENCES}) and when it completes (minute). */
    record Claimant(int reference, int minute) {}

    /** The statement credit of a UTR (index 1 or 2), when the bank sent one, and the job its bill reference names. */
    record Credit(int reference, Integer billRefJob) {}

    @Provide
    Arbitrary<List<Claimant>> claimants() {
        return Combinators.combine(Arbitraries.integers().between(0, 2), Arbitraries.integers().between(0, 96).map(k -> k * 30))
                .as(Claimant::new).list().ofMinSize(2).ofMaxSize(6);
    }

    @Provide
    Arbitrary<List<Credit>> credits() {
        return Combinators.combine(Arbitraries.integers().between(1, 2), Arbitraries.integers().between(0, 5).injectNull(0.3))
                .as(Credit::new).list().ofMaxSize(2).uniqueElements(Credit::reference);
    }

    /**
     * Any interleaving gives the findings of the order in which nothing a claim owns can change later: every job's
     * events first, then the credits. In the interleavings a job's payment may even come before its creation (a
     * technician's phone that syncs before the office's record reaches the monitor), so that a credit's bill
     * reference can start to name a claimant after its claim was made.
     */
    @Property(tries = 500)
    void anyOrderGivesTheFindingsOfJobsFirstThenCredits(@ForAll("claimants") List<Claimant> claimants,
                                                        @ForAll("credits") List<Credit> credits, @ForAll long seed) {
        Scenario s = new Scenario().technician("T-1").technician("T-2");
        for (int i = 0; i < claimants.size(); i++) {
            Claimant c = claimants.get(i);
            String job = "J-" + (100 + i);
            long paise = 50_000 + 100L * i; // amounts apart, so that no credit links by amount
            s.completedJob(job, "T-" + (i % 2 + 1), c.minute(), paise)
                    .payment(job, PaymentMode.UPI, paise, REFERENCES.get(c.reference()), c.minute() + 60);
        }
        for (Credit credit : credits) {
            String billRef = credit.billRefJob() == null ? null : "J-" + (100 + credit.billRefJob());
            s.statement(REFERENCES.get(credit.reference()), 77_700, billRef, 3 * DAY);
        }
        Map<String, List<Consumer<LeakageMonitor>>> streams = streams(s);

        List<Consumer<LeakageMonitor>> settled = new ArrayList<>();
        streams.forEach((stream, inputs) -> {
            if (!stream.startsWith("credit:")) {
                settled.addAll(inputs);
            }
        });
        streams.forEach((stream, inputs) -> {
            if (stream.startsWith("credit:")) {
                settled.addAll(inputs);
            }
        });

        Random random = new Random(seed);
        List<Consumer<LeakageMonitor>> interleaved = new ArrayList<>(streams.get("")); // technicians first
        List<ArrayDeque<Consumer<LeakageMonitor>>> open = new ArrayList<>();
        for (Map.Entry<String, List<Consumer<LeakageMonitor>>> e : streams.entrySet()) {
            if (e.getKey().isEmpty()) {
                continue;
            }
            List<Consumer<LeakageMonitor>> inputs = new ArrayList<>(e.getValue());
            if (e.getKey().startsWith("job:") && random.nextBoolean()) {
                inputs.add(0, inputs.remove(inputs.size() - 1)); // the payment (a job's last event) before its creation
            }
            open.add(new ArrayDeque<>(inputs));
        }
        while (!open.isEmpty()) {
            int k = random.nextInt(open.size());
            interleaved.add(open.get(k).poll());
            if (open.get(k).isEmpty()) {
                open.remove(k);
            }
        }
        assertThat(findings(interleaved)).containsExactlyElementsOf(findings(settled));
    }

    /**
     * Three jobs claim one UTR; its credit names the latest of them, whose payment reached the monitor before its
     * creation did. When that job is created, the credit's link moves to it, so the UTR belongs to its claim: the
     * first job's claim becomes a duplicate, and the second job's duplicate now names the third job's claim.
     */
    @Example
    void aCreditWhoseBillReferenceStartsToNameAClaimantMovesTheReferenceToIt() {
        Scenario s = new Scenario().technician("T-1");
        for (int i = 1; i <= 3; i++) {
            s.completedJob("J-" + i, "T-1", 60L * i, 50_000).payment("J-" + i, PaymentMode.UPI, 50_000, "400000000001",
                    60L * i + 60);
        }
        s.statement("400000000001", 50_000, "J-3", 600);
        Map<String, List<Consumer<LeakageMonitor>>> streams = streams(s);
        List<Consumer<LeakageMonitor>> third = streams.get("job:J-3");

        List<Consumer<LeakageMonitor>> settled = new ArrayList<>();
        streams.values().forEach(settled::addAll);
        List<Consumer<LeakageMonitor>> late = new ArrayList<>(streams.get(""));
        late.addAll(streams.get("job:J-1"));
        late.addAll(streams.get("job:J-2"));
        late.add(third.get(third.size() - 1)); // the third job's payment
        late.addAll(streams.get("credit:400000000001"));
        late.addAll(third.subList(0, third.size() - 1)); // then its creation and the rest

        List<Finding> expected = findings(settled);
        assertThat(expected).filteredOn(f -> f.code() == LeakageCode.DUPLICATE_PAYMENT_REFERENCE)
                .extracting(f -> f.job().value()).containsExactlyInAnyOrder("J-1", "J-2");
        assertThat(findings(late)).containsExactlyElementsOf(expected);
    }

    /** The scenario's inputs by stream (technicians first, then each job's events in order, then each credit). */
    private static Map<String, List<Consumer<LeakageMonitor>>> streams(Scenario s) {
        Map<String, List<Consumer<LeakageMonitor>>> streams = new LinkedHashMap<>();
        for (Scenario.Input input : s.inputs()) {
            streams.computeIfAbsent(input.stream(), k -> new ArrayList<>()).add(input.feed());
        }
        return streams;
    }

    private static List<Finding> findings(List<Consumer<LeakageMonitor>> inputs) {
        LeakageMonitor monitor = LeakageMonitor.create();
        inputs.forEach(input -> input.accept(monitor));
        return monitor.findings(Scenario.instant(30 * DAY));
    }
}
