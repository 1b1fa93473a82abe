package io.github.geodispatch.insight;

import io.github.geodispatch.payment.CashDeposit;
import io.github.geodispatch.spi.BranchId;
import io.github.geodispatch.spi.Coverage;
import io.github.geodispatch.spi.CoverageKind;
import io.github.geodispatch.spi.Currency;
import io.github.geodispatch.spi.JobEvent;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.JobStatus;
import io.github.geodispatch.spi.Money;
import io.github.geodispatch.spi.PaymentMode;
import io.github.geodispatch.spi.TechnicianId;
import io.github.geodispatch.spi.TenantId;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The incremental view, fed random interleavings of random job histories (with replays), attendance,
 * deposits and findings, reports exactly what a from-scratch fold of the same inputs reports — at a random
 * point in the feed and at its end, for every grouping.
 */
class IncrementalEqualsFoldProperties {
    private static final TenantId T = new TenantId("acme");
    private static final Instant DAY0 = Instant.parse("2025-06-02T02:30:00Z"); // 08:00 IST
    private static final PaymentMode[] MODES = {PaymentMode.UPI, PaymentMode.CASH, PaymentMode.CARD, PaymentMode.PENDING,
            PaymentMode.WAIVED, PaymentMode.AMC, PaymentMode.WARRANTY, PaymentMode.INVOICE_REQUIRED};

    @Property(tries = 150)
    void incrementalEqualsFromScratchFold(@ForAll long seed, @ForAll @IntRange(min = 1, max = 14) int jobCount) {
        Random rnd = new Random(seed);
        List<LinkedList<Object>> sources = new ArrayList<>();
        for (int j = 0; j < jobCount; j++) {
            sources.add(new LinkedList<>(history(rnd, "J" + j)));
        }
        LinkedList<Object> side = new LinkedList<>();
        for (int i = 0, n = rnd.nextInt(8); i < n; i++) {
            side.add(sideInput(rnd, i));
        }
        sources.add(side);
        List<Object> feed = new ArrayList<>();
        while (sources.stream().anyMatch(s -> !s.isEmpty())) {
            LinkedList<Object> s = sources.get(rnd.nextInt(sources.size()));
            if (!s.isEmpty()) {
                Object next = s.removeFirst();
                feed.add(next);
                if (rnd.nextInt(8) == 0) {
                    feed.add(next); // replayed at once
                }
            }
        }
        // replays of earlier events, late
        for (int i = 0, n = rnd.nextInt(4); i < n && !feed.isEmpty(); i++) {
            Object earlier = feed.get(rnd.nextInt(feed.size()));
            if (earlier instanceof JobEvent || earlier instanceof Deposit) {
                feed.add(earlier);
            }
        }
        OwnerView view = OwnerView.builder().tenant(T).currency(Currency.INR).build();
        KpiOracle oracle = new KpiOracle();
        int cut = rnd.nextInt(feed.size() + 1);
        for (int i = 0; i < feed.size(); i++) {
            if (i == cut) {
                compare(view, oracle, rnd);
            }
            Object in = feed.get(i);
            if (in instanceof JobEvent e) {
                view.accept(e);
            } else if (in instanceof AttendanceDay a) {
                view.accept(a);
            } else if (in instanceof Deposit d) {
                view.accept(d.deposit(), d.branch());
            } else {
                view.accept((LeakageRisk) in);
            }
            oracle.accept(in);
        }
        compare(view, oracle, rnd);
    }

    private static void compare(OwnerView view, KpiOracle oracle, Random rnd) {
        LocalDate from = LocalDate.of(2025, 6, 2).plusDays(rnd.nextInt(3));
        LocalDate to = from.plusDays(rnd.nextInt(3));
        Instant asOf = DAY0.plus(Duration.ofMinutes(rnd.nextInt(4 * 24 * 60)));
        for (Grouping g : Grouping.values()) {
            KpiQuery q = KpiQuery.range(from, to, g, asOf);
            assertThat(view.report(q)).as("grouping %s", g).isEqualTo(oracle.report(q));
        }
    }

    /** A deposit as the view receives it: the payment engine's record and the technician's branch. */
    record Deposit(CashDeposit deposit, BranchId branch) {}

    private static List<JobEvent> history(Random rnd, String id) {
        Instant t = DAY0.plus(Duration.ofMinutes(rnd.nextInt(3 * 24 * 60)));
        Coverage coverage = switch (rnd.nextInt(4)) {
            case 0, 1 -> new Coverage(rnd.nextBoolean() ? CoverageKind.AMC : CoverageKind.WARRANTY, "COV-" + id,
                    LocalDate.of(2025, 6, 2 + rnd.nextInt(4)), rnd.nextBoolean() ? List.of() : List.of("AC_SERVICE"));
            default -> null;
        };
        JobScript s = new JobScript(T, id).created(t, "BR-" + (1 + rnd.nextInt(2)), rnd.nextBoolean() ? "AC_SERVICE" : "RO_SERVICE",
                100 * (1 + rnd.nextInt(50)), rnd.nextBoolean() ? t.plus(Duration.ofMinutes(30 + rnd.nextInt(600))) : null, coverage);
        String tech = null;
        for (int i = 0, n = rnd.nextInt(12); i < n; i++) {
            t = t.plus(Duration.ofMinutes(rnd.nextInt(180)));
            switch (rnd.nextInt(12)) {
                case 0, 1 -> {
                    tech = "T-" + (1 + rnd.nextInt(4));
                    s.assigned(t, tech);
                }
                case 2 -> s.unassigned(t, tech != null && rnd.nextBoolean() ? tech : "T-" + (1 + rnd.nextInt(4)));
                case 3, 4 -> s.status(t, JobStatus.ARRIVED);
                case 5 -> s.status(t, JobStatus.values()[rnd.nextInt(JobStatus.values().length)]);
                case 6, 7 -> s.status(t, rnd.nextInt(5) == 0 ? JobStatus.CLOSED : JobStatus.COMPLETED);
                case 8 -> s.part(t, 1 + rnd.nextInt(3), 100 * rnd.nextInt(20), rnd.nextBoolean());
                case 9 -> s.expense(t, 100 * rnd.nextInt(5), rnd.nextBoolean());
                case 10 -> s.invoiced(t, 100 * rnd.nextInt(80));
                default -> s.paid(t, MODES[rnd.nextInt(MODES.length)], 100 * rnd.nextInt(60), rnd.nextInt(4) == 0);
            }
        }
        return s.events();
    }

    private static Object sideInput(Random rnd, int n) {
        TechnicianId tech = new TechnicianId("T-" + (1 + rnd.nextInt(4)));
        BranchId branch = new BranchId("BR-" + (1 + rnd.nextInt(2)));
        LocalDate day = LocalDate.of(2025, 6, 2 + rnd.nextInt(3));
        Instant start = day.atTime(9, 0).atZone(java.time.ZoneId.of("Asia/Kolkata")).toInstant();
        Instant at = start.plus(Duration.ofMinutes(rnd.nextInt(14 * 60)));
        return switch (rnd.nextInt(3)) {
            case 0 -> new AttendanceDay(tech, branch, day, start, start.plus(Duration.ofHours(8 + rnd.nextInt(2))),
                    rnd.nextInt(4) == 0 ? null : start.plus(Duration.ofMinutes(rnd.nextInt(30) - 10)),
                    Duration.ofMinutes(rnd.nextInt(300)), Duration.ofMinutes(rnd.nextInt(200)));
            case 1 -> new Deposit(new CashDeposit(tech, start, Money.inr(100 * rnd.nextInt(50)), "D-" + n), branch);
            default -> new LeakageRisk(rnd.nextBoolean() ? "GHOST_VISIT" : "CASH_NOT_DEPOSITED",
                    rnd.nextBoolean() ? new JobId("J" + rnd.nextInt(5)) : null, tech, null,
                    rnd.nextInt(4) == 0 ? null : branch, Money.inr(100 * rnd.nextInt(50)), at);
        };
    }
}
