package io.github.geodispatch.leakage;

import io.github.geodispatch.journal.JournalReader;
import io.github.geodispatch.journal.JournalRecord;
import io.github.geodispatch.journal.JournalWriter;
import io.github.geodispatch.spi.JobStatus;
import io.github.geodispatch.spi.PaymentMode;
import io.github.geodispatch.spi.ProofKind;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

class LeakagePropertiesTest {
    static final long DAY = 24 * 60;
    static final Instant AS_OF = Scenario.instant(12 * DAY);

    enum Pay { UPI, CASH, MPESA, CARD_AND_CASH, AMC, INVOICE, PENDING, WAIVED }

    enum Leak {
        NONE, NO_STATEMENT, NO_PAYMENT, SHORT, NO_PROOF, NO_INVOICE, NO_DEPOSIT, DUPLICATE_REFERENCE, UNLINKED_CREDIT,
        PART_NOT_BILLED, EXPIRED_AMC, NO_VISIT, OFF_BOOK, SHORT_CREDIT
    }

    record JobSpec(Pay pay, int quoteRupees, boolean part, int technician, Leak leak) {}

    @Provide
    Arbitrary<List<JobSpec>> honest() {
        return jobs(Arbitraries.just(Leak.NONE));
    }

    @Provide
    Arbitrary<List<JobSpec>> anyHistory() {
        return jobs(Arbitraries.frequency(net.jqwik.api.Tuple.of(3, Leak.NONE),
                net.jqwik.api.Tuple.of(1, Leak.NO_STATEMENT), net.jqwik.api.Tuple.of(1, Leak.NO_PAYMENT),
                net.jqwik.api.Tuple.of(1, Leak.SHORT), net.jqwik.api.Tuple.of(1, Leak.NO_PROOF),
                net.jqwik.api.Tuple.of(1, Leak.NO_INVOICE), net.jqwik.api.Tuple.of(1, Leak.NO_DEPOSIT),
                net.jqwik.api.Tuple.of(1, Leak.DUPLICATE_REFERENCE), net.jqwik.api.Tuple.of(1, Leak.UNLINKED_CREDIT),
                net.jqwik.api.Tuple.of(1, Leak.PART_NOT_BILLED), net.jqwik.api.Tuple.of(1, Leak.EXPIRED_AMC),
                net.jqwik.api.Tuple.of(1, Leak.NO_VISIT), net.jqwik.api.Tuple.of(1, Leak.OFF_BOOK),
                net.jqwik.api.Tuple.of(1, Leak.SHORT_CREDIT)));
    }

    static Arbitrary<List<JobSpec>> jobs(Arbitrary<Leak> leaks) {
        return jobs(leaks, 12);
    }

    static Arbitrary<List<JobSpec>> jobs(Arbitrary<Leak> leaks, int most) {
        Arbitrary<JobSpec> job = Combinators.combine(Arbitraries.of(Pay.class), Arbitraries.integers().between(199, 4999),
                Arbitraries.of(true, false), Arbitraries.integers().between(1, 3), leaks).as(JobSpec::new);
        return job.list().ofMinSize(1).ofMaxSize(most);
    }

    /** Builds the history: jobs two hours apart, cash deposited at the end per technician. */
    static Scenario history(List<JobSpec> specs) {
        return history(specs, 120);
    }

    /**
     * Builds the history: jobs {@code spacing} minutes apart (a duplicate reference reuses the previous job's UTR),
     * cash deposited at the end per technician.
     */
    static Scenario history(List<JobSpec> specs, long spacing) {
        Scenario s = new Scenario().technician("T-1").technician("T-2").technician("T-3");
        long[] cash = new long[4];
        for (int i = 0; i < specs.size(); i++) {
            JobSpec spec = specs.get(i);
            String job = "J-" + (100 + i);
            String tech = "T-" + spec.technician();
            long start = i * spacing;
            long quote = spec.quoteRupees() * 100L;
            long part = spec.part() ? 35_000 : 0;
            boolean amc = spec.pay() == Pay.AMC;
            s.job(job, start - 30, quote, amc ? Scenario.amc(spec.leak() == Leak.EXPIRED_AMC ? "2026-10-01" : "2027-03-31") : null)
                    .assigned(job, tech, start).status(job, JobStatus.ARRIVED, start + 20);
            if (spec.leak() != Leak.NO_VISIT) {
                s.visit(tech, job, start + 19, start + 61);
            }
            if (spec.part()) {
                s.part(job, "CAP-35", part, true, start + 30);
            }
            s.proof(job, ProofKind.PHOTO, start + 50);
            if (spec.leak() != Leak.NO_PROOF) {
                s.proof(job, ProofKind.SIGNATURE, start + 55);
            }
            s.status(job, JobStatus.COMPLETED, start + 60);
            long due = due(spec);
            long paid = claimed(spec);
            String utr = String.valueOf(400_000_000_000L + i);
            if (spec.leak() != Leak.NO_PAYMENT) {
                switch (spec.pay()) {
                    case UPI -> s.payment(job, PaymentMode.UPI, paid,
                            spec.leak() == Leak.DUPLICATE_REFERENCE && i > 0 ? String.valueOf(400_000_000_000L + i - 1) : utr,
                            start + 60);
                    case MPESA -> s.payment(job, PaymentMode.MPESA, paid, "QK" + (10_000_000 + i), start + 60);
                    case CASH -> {
                        s.payment(job, PaymentMode.CASH, paid, null, start + 60);
                        cash[spec.technician()] += spec.leak() == Leak.NO_DEPOSIT ? 0 : paid;
                    }
                    case CARD_AND_CASH -> {
                        s.payment(job, PaymentMode.CARD, paid / 2, "AUTH" + i, start + 60);
                        s.payment(job, PaymentMode.CASH, paid - paid / 2, null, start + 61);
                        cash[spec.technician()] += spec.leak() == Leak.NO_DEPOSIT ? 0 : paid - paid / 2;
                    }
                    case AMC -> {
                        s.payment(job, PaymentMode.AMC, 0, "AMC-1", start + 60);
                        if (paid > 0) {
                            s.payment(job, PaymentMode.UPI, paid, utr, start + 61);
                        }
                    }
                    case INVOICE -> s.payment(job, PaymentMode.INVOICE_REQUIRED, 0, null, start + 60);
                    case PENDING -> s.pending(job, start + 60);
                    case WAIVED -> s.payment(job, PaymentMode.WAIVED, due, null, start + 60);
                }
            }
            if (traced(spec) && spec.leak() != Leak.NO_STATEMENT && spec.leak() != Leak.NO_PAYMENT
                    && !(spec.leak() == Leak.DUPLICATE_REFERENCE && i > 0 && spec.pay() == Pay.UPI)) {
                s.statement(spec.pay() == Pay.MPESA ? "QK" + (10_000_000 + i) : utr, credited(spec, paid), job, start + 90);
            }
            if (spec.pay() == Pay.INVOICE && spec.leak() != Leak.NO_INVOICE || spec.leak() == Leak.PART_NOT_BILLED) {
                s.invoice(job, due, spec.leak() == Leak.PART_NOT_BILLED ? List.of() : List.of("CAP-35"), start + 300);
            }
            if (spec.leak() == Leak.UNLINKED_CREDIT) {
                s.statement(String.valueOf(700_000_000_000L + i), 12_337, null, start + 95);
            }
            if (spec.leak() == Leak.OFF_BOOK) {
                s.visit("T-" + (spec.technician() % 3 + 1), job, start + 200, start + 230);
            }
        }
        long end = specs.size() * spacing + 600;
        for (int t = 1; t <= 3; t++) {
            if (cash[t] > 0) {
                s.deposit("T-" + t, cash[t], end);
            }
        }
        s.records.sort(Comparator.comparing(Scenario::timeOf));
        return s;
    }

    /** What the customer owes: the quote (unless an AMC covers it) plus the part. */
    static long due(JobSpec spec) {
        long part = spec.part() ? 35_000 : 0;
        return spec.pay() == Pay.AMC ? part : spec.quoteRupees() * 100L + part;
    }

    /** What the technician records as paid: the amount due, or (SHORT) up to 100.00 less. */
    static long claimed(JobSpec spec) {
        return spec.leak() == Leak.SHORT ? Math.max(0, due(spec) - 10_000) : due(spec);
    }

    /** True when the payment leaves a statement trace (UPI, M-Pesa, or UPI for the parts of an AMC job). */
    static boolean traced(JobSpec spec) {
        return spec.pay() == Pay.UPI || spec.pay() == Pay.MPESA || (spec.pay() == Pay.AMC && claimed(spec) > 0);
    }

    /** The bank credits what was claimed, or (SHORT_CREDIT) up to 200.00 less. */
    static long credited(JobSpec spec, long claimed) {
        return spec.leak() == Leak.SHORT_CREDIT ? Math.max(0, claimed - 20_000) : claimed;
    }

    @Property(tries = 150)
    void honestHistoriesHaveNoFinding(@ForAll("honest") List<JobSpec> specs) {
        assertThat(history(specs).run(LeakagePolicy.defaults()).findings(AS_OF)).isEmpty();
    }

    @Property(tries = 100)
    void everyInjectedLeakIsFound(@ForAll("anyHistory") List<JobSpec> specs) {
        List<Finding> findings = history(specs).run(LeakagePolicy.defaults()).findings(AS_OF);
        for (int i = 0; i < specs.size(); i++) {
            Leak leak = specs.get(i).leak();
            String job = "J-" + (100 + i);
            String unlinked = String.valueOf(700_000_000_000L + i);
            if (leak == Leak.NO_PAYMENT) {
                assertThat(findings).anyMatch(f -> f.code() == LeakageCode.PAYMENT_STATUS_MISSING && f.job().value().equals(job));
            } else if (leak == Leak.NO_PROOF) {
                assertThat(findings).anyMatch(f -> f.code() == LeakageCode.PROOF_MISSING && f.job().value().equals(job));
            } else if (leak == Leak.NO_VISIT) {
                assertThat(findings).anyMatch(f -> f.code() == LeakageCode.GHOST_VISIT && f.job().value().equals(job));
            } else if (leak == Leak.SHORT_CREDIT && traced(specs.get(i))) {
                long claimed = claimed(specs.get(i));
                long shortBy = claimed - credited(specs.get(i), claimed);
                assertThat(findings).anyMatch(f -> f.code() == LeakageCode.CREDIT_BELOW_CLAIM && f.job().value().equals(job)
                        && f.amountAtRisk().minor() == shortBy);
            } else if (leak == Leak.UNLINKED_CREDIT) {
                assertThat(findings).anyMatch(f -> f.code() == LeakageCode.PAYMENT_UNLINKED
                        && f.reference().equals(unlinked));
            }
        }
    }

    /**
     * Live equals batch: the batch path writes the history as a journal, reads and imports it in time order;
     * the live path receives the same events, credits, deposits and visits interleaved differently across
     * jobs (each job's own events in order), some delivered twice, with findings asked for along the way.
     */
    @Property(tries = 120)
    void liveAndBatchGiveTheSameFindings(@ForAll("anyHistory") List<JobSpec> specs, @ForAll long seed) throws IOException {
        Scenario s = history(specs);

        LeakageMonitor batch = LeakageMonitor.create();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JournalWriter out = JournalWriter.to(bytes)) {
            for (JournalRecord r : s.records) {
                out.write(r);
            }
        }
        JournalReader.create().read(new ByteArrayInputStream(bytes.toByteArray()), Scenario.importer(batch));
        s.visits.forEach(v -> batch.visit(v.technician(), v.site(), v.from(), v.to()));

        List<Consumer<LeakageMonitor>> inputs = new ArrayList<>();
        List<String> streams = new ArrayList<>();
        for (Scenario.Input input : s.inputs()) {
            inputs.add(input.feed());
            streams.add(input.stream());
        }
        for (Scenario.Visit v : s.visits) {
            inputs.add(m -> m.visit(v.technician(), v.site(), v.from(), v.to()));
            streams.add("visit:" + inputs.size());
        }
        LeakageMonitor live = LeakageMonitor.create();
        Random random = new Random(seed);
        for (int i : interleave(streams, random)) {
            inputs.get(i).accept(live);
            if (random.nextInt(4) == 0) {
                inputs.get(i).accept(live);
            }
            if (random.nextInt(8) == 0) {
                live.findings(Scenario.instant(random.nextInt((int) (12 * DAY))));
            }
        }
        assertThat(live.findings(AS_OF)).containsExactlyElementsOf(batch.findings(AS_OF));
    }

    /** A random merge of the inputs that keeps each stream's (job's) inputs in their original order; technicians first. */
    private static List<Integer> interleave(List<String> streams, Random random) {
        java.util.LinkedHashMap<String, java.util.ArrayDeque<Integer>> queues = new java.util.LinkedHashMap<>();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < streams.size(); i++) {
            if (streams.get(i).isEmpty()) {
                order.add(i);
            } else {
                queues.computeIfAbsent(streams.get(i), k -> new java.util.ArrayDeque<>()).add(i);
            }
        }
        List<java.util.ArrayDeque<Integer>> open = new ArrayList<>(queues.values());
        while (!open.isEmpty()) {
            int k = random.nextInt(open.size());
            order.add(open.get(k).poll());
            if (open.get(k).isEmpty()) {
                open.remove(k);
            }
        }
        return order;
    }
}
