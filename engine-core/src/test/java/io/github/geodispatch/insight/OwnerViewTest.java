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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A small day whose every KPI was worked out by hand (see the comments on each job), then the edge cases:
 * replay, gaps, other tenants, reassignment and replacement.
 */
class OwnerViewTest {
    static final TenantId ACME = new TenantId("acme");
    static final LocalDate DAY = LocalDate.of(2025, 6, 2);

    static Instant at(String hhmm) {
        return Instant.parse(DAY + "T" + hhmm + ":00+05:30".replace("+05:30", "Z")).minus(Duration.ofMinutes(330));
    }

    OwnerView view;

    @BeforeEach
    void setUp() {
        view = OwnerView.builder().tenant(ACME).currency(Currency.INR).build();
    }

    static List<JobScript> handCheckedDay() {
        Coverage amc = new Coverage(CoverageKind.AMC, "AMC-1", LocalDate.of(2026, 3, 31), List.of("AC_SERVICE"));
        // J1: response 40 min, completion 60 min, first-time fix, SLA met, paid 1000 by UPI
        JobScript j1 = new JobScript(ACME, "J1").created(at("09:00"), "BR-1", "AC_SERVICE", 100_000, at("12:00"), null)
                .assigned(at("09:05"), "T-1").status(at("09:40"), JobStatus.ARRIVED)
                .status(at("10:40"), JobStatus.COMPLETED).paid(at("10:41"), PaymentMode.UPI, 100_000);
        // J2: response 90, completion 90 (a hold is not a second visit), SLA missed; quote 1500 + part 2x250; cash 1500 -> 500 pending
        JobScript j2 = new JobScript(ACME, "J2").created(at("09:30"), "BR-1", "AC_REPAIR", 150_000, at("12:00"), null)
                .assigned(at("09:31"), "T-1").status(at("11:00"), JobStatus.ARRIVED).status(at("11:30"), JobStatus.ON_HOLD)
                .part(at("11:45"), 2, 25_000, true).part(at("11:46"), 1, 9_900, false)
                .status(at("12:30"), JobStatus.COMPLETED).paid(at("12:31"), PaymentMode.CASH, 150_000);
        // J3: rescheduled and visited twice: not a first-time fix; response 20, completion 280; AMC covers the quote
        JobScript j3 = new JobScript(ACME, "J3").created(at("10:00"), "BR-1", "AC_SERVICE", 60_000, null, amc)
                .assigned(at("10:01"), "T-2").status(at("10:20"), JobStatus.ARRIVED).status(at("10:50"), JobStatus.RESCHEDULED)
                .status(at("14:00"), JobStatus.ARRIVED).status(at("15:00"), JobStatus.COMPLETED).paid(at("15:00"), PaymentMode.AMC, 0);
        // J4: response 30, completion 30, SLA met, payment pending: 800 pending
        JobScript j4 = new JobScript(ACME, "J4").created(at("08:00"), "BR-2", "RO_SERVICE", 80_000, at("10:00"), null)
                .assigned(at("08:01"), "T-3").status(at("08:30"), JobStatus.ARRIVED).status(at("09:00"), JobStatus.COMPLETED)
                .paid(at("09:01"), PaymentMode.PENDING, 80_000);
        // J5: nobody assigned, SLA 13:00 passed by 18:00: a breach
        JobScript j5 = new JobScript(ACME, "J5").created(at("11:00"), "BR-2", "PEST_CONTROL", 50_000, at("13:00"), null);
        // J6: cancelled: counts as created only
        JobScript j6 = new JobScript(ACME, "J6").created(at("12:00"), "BR-1", "CCTV_INSTALL", 90_000, at("13:00"), null)
                .assigned(at("12:05"), "T-2").status(at("12:10"), JobStatus.CANCELLED);
        return List.of(j1, j2, j3, j4, j5, j6);
    }

    static AttendanceDay attendance(String tech, String branch, String start, String end, String checkIn, long onSiteMin, long travelMin) {
        return new AttendanceDay(new TechnicianId(tech), new BranchId(branch), DAY, at(start), at(end),
                checkIn == null ? null : at(checkIn), Duration.ofMinutes(onSiteMin), Duration.ofMinutes(travelMin));
    }

    void feedHandCheckedDay() {
        for (JobScript j : handCheckedDay()) {
            j.events().forEach(view::accept);
        }
        view.accept(attendance("T-1", "BR-1", "09:00", "18:00", "08:55", 150, 90));
        view.accept(attendance("T-2", "BR-1", "09:00", "18:00", "09:20", 120, 120));
        view.accept(attendance("T-3", "BR-2", "08:00", "17:00", "08:05", 30, 60));
        view.accept(new CashDeposit(new TechnicianId("T-1"), at("19:00"), Money.inr(100_000), "D-1"), new BranchId("BR-1"));
        view.accept(new LeakageRisk("PARTS_NOT_BILLED", new JobId("J2"), new TechnicianId("T-1"), null, new BranchId("BR-1"),
                Money.inr(50_000), at("12:30")));
        view.accept(new LeakageRisk("PAYMENT_UNLINKED", null, null, "412345678901", null, Money.inr(99_900), at("16:00")));
    }

    KpiReport report(Grouping g) {
        return view.report(KpiQuery.day(DAY, g, at("18:00")));
    }

    @Test
    void totalsOfTheHandCheckedDay() {
        feedHandCheckedDay();
        Kpis t = report(Grouping.TOTAL).total();
        assertThat(t.jobsCreated()).isEqualTo(6);
        assertThat(t.jobsCompleted()).isEqualTo(4);
        assertThat(t.firstTimeFix()).isEqualTo(new Ratio(3, 4));
        // responses 20, 30, 40, 90 min: p50 = 2nd = 30, p90 = 4th = 90
        assertThat(t.responseP50()).contains(Duration.ofMinutes(30));
        assertThat(t.responseP90()).contains(Duration.ofMinutes(90));
        // completions 30, 60, 90, 280 min
        assertThat(t.completionP50()).contains(Duration.ofMinutes(60));
        assertThat(t.completionP90()).contains(Duration.ofMinutes(280));
        // met: J1, J4; missed: J2; open past deadline: J5; J6 cancelled
        assertThat(t.slaCompliance()).isEqualTo(new Ratio(2, 4));
        assertThat(t.technicians()).isEqualTo(3);
        assertThat(t.jobsPerTechnician()).isEqualTo(new Ratio(4, 3));
        assertThat(t.utilisation()).isEqualTo(new Ratio((150 + 120 + 30) * 60, 3 * 9 * 3600));
        assertThat(t.travelShare()).isEqualTo(new Ratio((90 + 120 + 60) * 60, 3 * 9 * 3600));
        assertThat(t.punctuality()).isEqualTo(new Ratio(2, 3));
        // revenue 1000 + (1500 + 500) + 0 (AMC) + 800
        assertThat(t.revenue()).isEqualTo(Money.inr(380_000));
        assertThat(t.revenuePerTechnician()).isEqualTo(Money.inr(126_667));
        assertThat(t.collected()).isEqualTo(Money.inr(250_000));
        assertThat(t.pendingCollections()).isEqualTo(Money.inr(130_000));
        assertThat(t.cashInHand()).isEqualTo(Money.inr(50_000));
        assertThat(t.leakageAtRisk()).containsExactly(
                java.util.Map.entry("PARTS_NOT_BILLED", Money.inr(50_000)),
                java.util.Map.entry("PAYMENT_UNLINKED", Money.inr(99_900)));
        assertThat(t.leakageTotal()).isEqualTo(Money.inr(149_900));
    }

    @Test
    void rowsByBranchTechnicianAndRoute() {
        feedHandCheckedDay();
        KpiReport byBranch = report(Grouping.BRANCH);
        assertThat(byBranch.rows()).extracting(Kpis::group).containsExactly("BR-1", "BR-2", "unknown");
        Kpis br1 = byBranch.row("BR-1").orElseThrow();
        assertThat(br1.jobsCreated()).isEqualTo(4);
        assertThat(br1.jobsCompleted()).isEqualTo(3);
        assertThat(br1.firstTimeFix()).isEqualTo(new Ratio(2, 3));
        assertThat(br1.slaCompliance()).isEqualTo(new Ratio(1, 2));
        assertThat(br1.technicians()).isEqualTo(2);
        assertThat(br1.revenue()).isEqualTo(Money.inr(300_000));
        assertThat(br1.revenuePerTechnician()).isEqualTo(Money.inr(150_000));
        assertThat(byBranch.row("unknown").orElseThrow().leakageTotal()).isEqualTo(Money.inr(99_900));
        Kpis br2 = byBranch.row("BR-2").orElseThrow();
        assertThat(br2.slaCompliance()).isEqualTo(new Ratio(1, 2));
        assertThat(br2.pendingCollections()).isEqualTo(Money.inr(80_000));

        KpiReport byTech = report(Grouping.TECHNICIAN);
        assertThat(byTech.rows()).extracting(Kpis::group).containsExactly("T-1", "T-2", "T-3", "unassigned");
        Kpis t1 = byTech.row("T-1").orElseThrow();
        assertThat(t1.jobsCompleted()).isEqualTo(2);
        assertThat(t1.responseP50()).contains(Duration.ofMinutes(40));
        assertThat(t1.responseP90()).contains(Duration.ofMinutes(90));
        assertThat(t1.utilisation()).isEqualTo(new Ratio(150 * 60, 9 * 3600));
        assertThat(t1.punctuality()).isEqualTo(new Ratio(1, 1));
        assertThat(t1.cashInHand()).isEqualTo(Money.inr(50_000));
        assertThat(t1.pendingCollections()).isEqualTo(Money.inr(50_000));
        assertThat(t1.leakageAtRisk()).containsOnlyKeys("PARTS_NOT_BILLED");
        Kpis t2 = byTech.row("T-2").orElseThrow();
        assertThat(t2.punctuality()).isEqualTo(new Ratio(0, 1));
        assertThat(t2.firstTimeFix()).isEqualTo(new Ratio(0, 1));
        assertThat(t2.revenue()).isEqualTo(Money.inr(0));
        Kpis unassigned = byTech.row("unassigned").orElseThrow();
        assertThat(unassigned.technicians()).isZero();
        assertThat(unassigned.responseP50()).isEmpty();
        assertThat(unassigned.slaCompliance()).isEqualTo(new Ratio(0, 1));

        assertThat(report(Grouping.ROUTE).row("T-3@2025-06-02").orElseThrow().revenue()).isEqualTo(Money.inr(80_000));
    }

    @Test
    void pendingCollectionsListsOwedJobsLargestFirst() {
        feedHandCheckedDay();
        assertThat(view.pendingCollections(DAY, DAY)).extracting(p -> p.job().value(), p -> p.pending().minor())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("J4", 80_000L), org.assertj.core.groups.Tuple.tuple("J2", 50_000L));
        assertThat(view.pendingCollections(DAY.plusDays(1), DAY.plusDays(1))).isEmpty();
    }

    @Test
    void slaOfAnOpenJobIsNotJudgedBeforeItsDeadline() {
        feedHandCheckedDay();
        assertThat(view.report(KpiQuery.day(DAY, Grouping.TOTAL, at("12:59"))).total().slaCompliance())
                .isEqualTo(new Ratio(2, 3));
    }

    @Test
    void replayingEveryEventChangesNothing() {
        feedHandCheckedDay();
        KpiReport before = report(Grouping.ROUTE);
        feedHandCheckedDay();
        assertThat(report(Grouping.ROUTE)).isEqualTo(before);
    }

    @Test
    void aGapInAStreamIsRejectedAndChangesNothing() {
        List<JobEvent> j1 = handCheckedDay().get(0).events();
        view.accept(j1.get(0));
        KpiReport before = report(Grouping.TOTAL);
        assertThatThrownBy(() -> view.accept(j1.get(2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("out of order: expected version 2, got 3");
        assertThatThrownBy(() -> view.accept(j1.get(1).header().version() == 2 ? new JobScript(ACME, "J9").created(at("09:00"),
                "BR-1", "AC_SERVICE", 1, null, null).assigned(at("09:01"), "T-1").events().get(1) : null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must start with JobCreated");
        assertThat(report(Grouping.TOTAL)).isEqualTo(before);
    }

    @Test
    void aDifferentEventAtAKnownVersionIsRejected() {
        List<JobEvent> a = new JobScript(ACME, "J1").created(at("09:00"), "BR-1", "AC_SERVICE", 1, null, null).events();
        List<JobEvent> b = new JobScript(ACME, "J1").created(at("09:00"), "BR-1", "AC_SERVICE", 1, null, null)
                .assigned(at("09:01"), "T-1").events();
        JobEvent.JobAssigned forged = new JobEvent.JobAssigned(new io.github.geodispatch.spi.EventHeader(java.util.UUID.randomUUID(),
                b.get(1).header().stream(), 2, at("09:02"), b.get(1).header().actor(), b.get(1).header().previousHash()),
                new TechnicianId("T-2"), null);
        view.accept(a.get(0));
        view.accept(b.get(1));
        assertThatThrownBy(() -> view.accept(forged)).hasMessageContaining("already has a different event at version 2");
    }

    @Test
    void otherTenantsAndOtherCurrenciesAreRejected() {
        JobEvent foreign = new JobScript(new TenantId("other"), "J1").created(at("09:00"), "BR-1", "AC_SERVICE", 1, null, null)
                .events().get(0);
        assertThatThrownBy(() -> view.accept(foreign)).hasMessageContaining("tenant other cannot enter the owner view of tenant acme");
        assertThatThrownBy(() -> view.accept(new CashDeposit(new TechnicianId("T-1"), at("10:00"), Money.kes(100), "D"),
                new BranchId("BR-1"))).hasMessageContaining("counts INR");
        view.accept(new CashDeposit(new TechnicianId("T-1"), at("10:00"), Money.inr(100), "D"), new BranchId("BR-1"));
        assertThatThrownBy(() -> view.accept(new CashDeposit(new TechnicianId("T-1"), at("10:00"), Money.inr(200), "D"),
                new BranchId("BR-1"))).hasMessageContaining("cash deposit D was already recorded with other details");
    }

    @Test
    void reassignmentMovesTheJobToTheNewTechnician() {
        JobScript j = new JobScript(ACME, "J1").created(at("09:00"), "BR-1", "AC_SERVICE", 100_000, null, null)
                .assigned(at("09:01"), "T-1").unassigned(at("09:10"), "T-1").assigned(at("09:11"), "T-2")
                .status(at("10:00"), JobStatus.ARRIVED).status(at("11:00"), JobStatus.COMPLETED);
        j.events().forEach(view::accept);
        KpiReport byTech = report(Grouping.TECHNICIAN);
        assertThat(byTech.rows()).extracting(Kpis::group).containsExactly("T-2");
        assertThat(byTech.row("T-2").orElseThrow().pendingCollections()).isEqualTo(Money.inr(100_000));
    }

    @Test
    void laterAttendanceAndRiskReplaceEarlierOnes() {
        view.accept(attendance("T-1", "BR-1", "09:00", "18:00", null, 10, 10));
        view.accept(attendance("T-1", "BR-1", "09:00", "18:00", "09:05", 200, 100));
        LeakageRisk first = new LeakageRisk("CASH_NOT_DEPOSITED", null, new TechnicianId("T-1"), null, new BranchId("BR-1"),
                Money.inr(1_000), at("20:00"));
        view.accept(first);
        view.accept(new LeakageRisk("CASH_NOT_DEPOSITED", null, new TechnicianId("T-1"), null, new BranchId("BR-1"),
                Money.inr(3_000), at("20:00")));
        Kpis t = report(Grouping.TOTAL).total();
        assertThat(t.punctuality()).isEqualTo(new Ratio(1, 1));
        assertThat(t.utilisation()).isEqualTo(new Ratio(200 * 60, 9 * 3600));
        assertThat(t.leakageAtRisk()).containsExactly(java.util.Map.entry("CASH_NOT_DEPOSITED", Money.inr(3_000)));
    }

    @Test
    void rangeQueriesAddDays() {
        feedHandCheckedDay();
        JobScript tomorrow = new JobScript(ACME, "J7").created(at("10:00").plus(Duration.ofDays(1)), "BR-2", "RO_SERVICE", 50_000,
                null, null).assigned(at("10:01").plus(Duration.ofDays(1)), "T-3")
                .status(at("10:30").plus(Duration.ofDays(1)), JobStatus.ARRIVED)
                .status(at("11:00").plus(Duration.ofDays(1)), JobStatus.COMPLETED);
        tomorrow.events().forEach(view::accept);
        Instant late = at("18:00").plus(Duration.ofDays(1));
        assertThat(view.report(KpiQuery.day(DAY.plusDays(1), Grouping.TOTAL, late)).total().jobsCompleted()).isEqualTo(1);
        Kpis both = view.report(KpiQuery.range(DAY, DAY.plusDays(1), Grouping.TOTAL, late)).total();
        assertThat(both.jobsCompleted()).isEqualTo(5);
        assertThat(both.firstTimeFix()).isEqualTo(new Ratio(4, 5));
        assertThat(both.pendingCollections()).isEqualTo(Money.inr(180_000));
        assertThat(view.report(KpiQuery.day(DAY.minusDays(1), Grouping.TOTAL, late)).total().responseP50()).isEqualTo(Optional.empty());
    }

    @Test
    void builderFailsFastOnBadOrRepeatedSettings() {
        assertThatThrownBy(() -> OwnerView.builder().tenant(ACME).tenant(ACME)).hasMessage("tenant was already set");
        assertThatThrownBy(() -> OwnerView.builder().checkInGrace(Duration.ofMinutes(-1))).hasMessageContaining("must not be negative");
        assertThatThrownBy(() -> OwnerView.builder().tenant(ACME).build()).hasMessage("OwnerView needs a currency");
        assertThatThrownBy(() -> KpiQuery.range(DAY, DAY.minusDays(1), Grouping.TOTAL, at("10:00")))
                .hasMessageContaining("ends before it starts");
    }
}
