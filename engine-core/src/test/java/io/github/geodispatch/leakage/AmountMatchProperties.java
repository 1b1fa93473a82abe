package io.github.geodispatch.leakage;

import io.github.geodispatch.journal.JournalRecord;
import io.github.geodispatch.journal.JournalWriter;
import io.github.geodispatch.spi.JobEvent;
import io.github.geodispatch.spi.PaymentMode;
import io.github.geodispatch.spi.ProofKind;
import io.github.geodispatch.spi.StatementCredit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Credits that link by amount and time only (a team that pays by QR code and screenshot: no bill reference, the UTR
 * recorded on some jobs only), with few amounts and times days apart, so that the amount-match window decides which
 * claims compete. When a claim arrives or a credit verifies one, the monitor examines again only the loose credits of
 * its amount within the window of its time; these properties check that this is all that can move.
 */
class AmountMatchProperties {
    static final long DAY = 24 * 60;

    /**
     * One UPI job: its amount (one of two), when it completes (minute), whether the technician records the UTR, and
     * its credit: none, or one this many minutes after the claim (up to three days either side).
     */
    record Paid(int amount, int minute, boolean utrRecorded, Integer creditAfter) {}

    /** A credit no job claims: its amount (one of two) and minute. */
    record Stray(int amount, int minute) {}

    @Provide
    Arbitrary<List<Paid>> paid() {
        // a quarter exactly one window (a day) from the claim: the match's inclusive edges
        Arbitrary<Integer> creditAfter = Arbitraries.frequencyOf(Tuple.of(3, halfHours(-3 * DAY, 3 * DAY)),
                Tuple.of(1, Arbitraries.of((int) -DAY, (int) DAY))).injectNull(0.2);
        return Combinators.combine(Arbitraries.integers().between(0, 1), halfHours(0, 5 * DAY), Arbitraries.of(true, false),
                creditAfter).as(Paid::new).list().ofMinSize(1).ofMaxSize(12);
    }

    @Provide
    Arbitrary<List<Stray>> strays() {
        return Combinators.combine(Arbitraries.integers().between(0, 1), halfHours(0, 5 * DAY)).as(Stray::new).list()
                .ofMaxSize(4);
    }

    /** Minutes on the half hour, so that times exactly one window apart (the match's inclusive edge) are common. */
    private static Arbitrary<Integer> halfHours(long from, long to) {
        return Arbitraries.integers().between((int) (from / 30), (int) (to / 30)).map(k -> k * 30);
    }

    /**
     * Any interleaving gives the findings of the order that needs no re-examining: every job's events first, then the
     * credits a claim's UTR names (they link by that reference whatever else is known), then the rest (when each of
     * them arrives every claim is known, and none of them verifies a claim, so none moves another).
     */
    @Property(tries = 300)
    void anyOrderGivesTheFindingsOfTheOrderThatNeedsNoReexamining(@ForAll("paid") List<Paid> paid,
                                                                  @ForAll("strays") List<Stray> strays, @ForAll long seed) {
        List<Input> inputs = inputs(history(paid, strays));
        List<Input> settled = new ArrayList<>();
        inputs.stream().filter(i -> i.kind == Kind.JOB).forEach(settled::add);
        inputs.stream().filter(i -> i.kind == Kind.NAMED_CREDIT).forEach(settled::add);
        inputs.stream().filter(i -> i.kind == Kind.AMOUNT_CREDIT).forEach(settled::add);
        List<Finding> expected = run(settled);

        Random random = new Random(seed);
        List<Input> shuffled = new ArrayList<>(inputs);
        Collections.shuffle(shuffled, random);
        // each job's own events keep their order (a payment after its job's creation); credits go anywhere
        List<Input> jobEvents = inputs.stream().filter(i -> i.kind == Kind.JOB).toList();
        int next = 0;
        for (int k = 0; k < shuffled.size(); k++) {
            if (shuffled.get(k).kind == Kind.JOB) {
                shuffled.set(k, jobEvents.get(next++));
            }
        }
        assertThat(run(shuffled)).containsExactlyElementsOf(expected);
    }

    /**
     * A credit both of two claims could explain stays unlinked, though the monitor lets one of those claims go weeks
     * later, while claims of the same amount keep coming: the audit with its window gives what an audit that keeps
     * everything gives. (The monitor once re-examined every loose credit of a claim's amount, so a new claim linked the
     * old credit to the claim still held.)
     */
    @Example
    void aCreditIsNotLinkedLaterBecauseAClaimItCompetedWithWasLetGo() throws IOException {
        Scenario s = new Scenario().technician("T-1");
        s.completedJob("J-A", "T-1", 0, 49_900).payment("J-A", PaymentMode.UPI, 49_900, null, 60)
                .proof("J-A", ProofKind.PHOTO, 3 * DAY); // J-A is touched later, so J-B is let go first
        s.completedJob("J-B", "T-1", 120, 49_900).payment("J-B", PaymentMode.UPI, 49_900, null, 180);
        s.statement("900000000001", 49_900, null, 200);
        for (int day = 1; day <= 60; day++) {
            s.honestUpiJob("J-D" + day, "T-1", day * DAY, 49_900, String.valueOf(400_000_000_000L + day));
        }
        s.records.sort(Comparator.comparing(Scenario::timeOf));
        ByteArrayOutputStream journal = new ByteArrayOutputStream();
        try (JournalWriter out = JournalWriter.to(journal)) {
            for (JournalRecord r : s.records) {
                out.write(r);
            }
        }
        Instant asOf = Scenario.instant(70 * DAY);

        AuditReport windowed = LeakageAudit.run(new ByteArrayInputStream(journal.toByteArray()), asOf,
                LeakagePolicy.defaults(), LeakageAudit.DEFAULT_WINDOW);
        AuditReport keepingEverything = LeakageAudit.run(new ByteArrayInputStream(journal.toByteArray()), asOf,
                LeakagePolicy.defaults(), Duration.ofDays(1000));

        assertThat(windowed.jobsLetGo()).as("jobs let go").isPositive();
        assertThat(windowed.findings()).containsExactlyElementsOf(keepingEverything.findings())
                .anyMatch(f -> f.code() == LeakageCode.PAYMENT_UNLINKED && "900000000001".equals(f.reference()));
    }

    private static Scenario history(List<Paid> paid, List<Stray> strays) {
        Scenario s = new Scenario().technician("T-1").technician("T-2");
        for (int i = 0; i < paid.size(); i++) {
            Paid p = paid.get(i);
            String job = "J-" + (100 + i);
            long paise = rupees(p.amount()) * 100;
            String utr = String.valueOf(400_000_000_000L + i);
            s.completedJob(job, "T-" + (i % 2 + 1), p.minute(), paise)
                    .payment(job, PaymentMode.UPI, paise, p.utrRecorded() ? utr : null, p.minute() + 60);
            if (p.creditAfter() != null) {
                s.statement(utr, paise, null, p.minute() + 60 + p.creditAfter());
            }
        }
        for (int i = 0; i < strays.size(); i++) {
            s.statement(String.valueOf(700_000_000_000L + i), rupees(strays.get(i).amount()) * 100, null,
                    strays.get(i).minute());
        }
        return s;
    }

    private static long rupees(int amount) {
        return amount == 0 ? 499 : 999;
    }

    enum Kind { TECHNICIAN, JOB, NAMED_CREDIT, AMOUNT_CREDIT }

    record Input(Kind kind, Consumer<LeakageMonitor> feed) {}

    /** The history's inputs in the scenario's order, each with its kind: a credit a claim's UTR names is NAMED_CREDIT. */
    private static List<Input> inputs(Scenario s) {
        List<Scenario.Input> inputs = s.inputs();
        Set<String> claimed = new HashSet<>();
        for (Scenario.Input input : inputs) {
            if (input.what() instanceof JobEvent.PaymentRecorded p && p.reference() != null) {
                claimed.add(p.reference());
            }
        }
        return inputs.stream().map(input -> new Input(kind(input.what(), claimed), input.feed())).toList();
    }

    private static Kind kind(Object what, Set<String> claimed) {
        if (what instanceof JournalRecord.Technician) {
            return Kind.TECHNICIAN;
        }
        if (what instanceof StatementCredit c) {
            return claimed.contains(c.reference()) ? Kind.NAMED_CREDIT : Kind.AMOUNT_CREDIT;
        }
        return Kind.JOB;
    }

    private static List<Finding> run(List<Input> order) {
        LeakageMonitor monitor = LeakageMonitor.create();
        List<Input> techniciansFirst = new ArrayList<>(order.stream().filter(i -> i.kind == Kind.TECHNICIAN).toList());
        order.stream().filter(i -> i.kind != Kind.TECHNICIAN).forEach(techniciansFirst::add);
        techniciansFirst.forEach(i -> i.feed.accept(monitor));
        return monitor.findings(Scenario.instant(30 * DAY));
    }
}
