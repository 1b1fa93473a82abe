package io.github.geodispatch.insight;

import io.github.geodispatch.payment.CashDeposit;
import io.github.geodispatch.spi.Actor;
import io.github.geodispatch.spi.BranchId;
import io.github.geodispatch.spi.CalendarRange;
import io.github.geodispatch.spi.Currency;
import io.github.geodispatch.spi.EquipmentId;
import io.github.geodispatch.spi.JobEvent;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.JobStatus;
import io.github.geodispatch.spi.LocationId;
import io.github.geodispatch.spi.Money;
import io.github.geodispatch.spi.PaymentMode;
import io.github.geodispatch.spi.StockEvent;
import io.github.geodispatch.spi.StockEventHeader;
import io.github.geodispatch.spi.StockStreamId;
import io.github.geodispatch.spi.TechnicianId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static io.github.geodispatch.insight.OwnerViewTest.ACME;
import static io.github.geodispatch.insight.OwnerViewTest.DAY;
import static io.github.geodispatch.insight.OwnerViewTest.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * What a host hands the owner's view, at its edges: each was an error from deep inside the view (an unnamed
 * NullPointerException, a DateTimeException from java.time), a state the view could not get out of, or nonsense taken
 * silently. Each is now refused where it comes in, naming the parameter, and changes nothing.
 */
class OwnerViewInputsTest {
    private static final LocalDate FIRST = LocalDate.of(CalendarRange.MIN_YEAR, 1, 1);
    private static final LocalDate LAST = LocalDate.of(CalendarRange.MAX_YEAR, 12, 31);
    private static final LocalDate[] OUT_OF_RANGE = {LocalDate.MIN, LocalDate.of(0, 12, 31), LocalDate.of(10_000, 1, 1),
            LocalDate.MAX};
    private static final Instant[] INSTANTS_OUT_OF_RANGE = {Instant.MIN, CalendarRange.MIN_INSTANT.minusNanos(1),
            CalendarRange.MAX_INSTANT.plusNanos(1), Instant.MAX};
    private static final TechnicianId T1 = TechnicianId.of("T-1");
    private static final BranchId BR1 = BranchId.of("BR-1");

    private OwnerView view;

    @BeforeEach
    void fed() {
        view = OwnerView.builder().tenant(ACME).currency(Currency.INR).build();
        for (JobScript j : OwnerViewTest.handCheckedDay()) {
            j.events().forEach(view::accept);
        }
    }

    private KpiReport everything() {
        return view.report(KpiQuery.range(FIRST, LAST, Grouping.ROUTE, at("18:00")));
    }

    /** Every query over days, refused or answered the same way. */
    private List<Executable> queries(LocalDate from, LocalDate to) {
        return List.of(() -> view.parts(from, to), () -> view.pendingCollections(from, to),
                () -> view.customerCare(from, to));
    }

    @Test
    void aNullIsRefusedNamingTheParameter() {
        assertThatThrownBy(() -> view.report(null)).isExactlyInstanceOf(NullPointerException.class).hasMessage("query");
        for (Executable q : queries(null, DAY)) {
            assertThatThrownBy(q::execute).isExactlyInstanceOf(NullPointerException.class).hasMessage("from");
        }
        for (Executable q : queries(DAY, null)) {
            assertThatThrownBy(q::execute).isExactlyInstanceOf(NullPointerException.class).hasMessage("to");
        }
        assertThatThrownBy(() -> view.accept((JobEvent) null)).isExactlyInstanceOf(NullPointerException.class)
                .hasMessage("event");
        assertThatThrownBy(() -> view.accept((StockEvent) null)).isExactlyInstanceOf(NullPointerException.class)
                .hasMessage("event");
        assertThatThrownBy(() -> view.accept((AttendanceDay) null)).isExactlyInstanceOf(NullPointerException.class)
                .hasMessage("attendance");
        assertThatThrownBy(() -> view.accept((LeakageRisk) null)).isExactlyInstanceOf(NullPointerException.class)
                .hasMessage("risk");
        assertThatThrownBy(() -> view.accept(null, BR1)).isExactlyInstanceOf(NullPointerException.class)
                .hasMessage("deposit");
        // linking took a null job silently, and a null unit only for a job it knew
        assertThatThrownBy(() -> view.link(null, EquipmentId.of("U-1"))).isExactlyInstanceOf(NullPointerException.class)
                .hasMessage("job");
        assertThatThrownBy(() -> view.link(JobId.of("J-unknown"), null)).isExactlyInstanceOf(NullPointerException.class)
                .hasMessage("equipment");
        // an empty view took a null day for pending collections and answered nothing
        OwnerView empty = OwnerView.builder().tenant(ACME).currency(Currency.INR).build();
        assertThatThrownBy(() -> empty.pendingCollections(null, DAY)).isExactlyInstanceOf(NullPointerException.class)
                .hasMessage("from");
    }

    @Test
    void aDayOutsideTheYears0001To9999IsRefusedAsKpiQueryRefusesIt() {
        for (LocalDate day : OUT_OF_RANGE) {
            for (Executable q : queries(day, LAST)) {
                assertThatThrownBy(q::execute).as("from %s", day).isExactlyInstanceOf(IllegalArgumentException.class)
                        .hasMessage("from " + day + " is outside the years 0001-9999");
            }
            for (Executable q : queries(FIRST, day)) {
                assertThatThrownBy(q::execute).as("to %s", day).isExactlyInstanceOf(IllegalArgumentException.class)
                        .hasMessage("to " + day + " is outside the years 0001-9999");
            }
            assertThatThrownBy(() -> KpiQuery.range(day, LAST, Grouping.TOTAL, at("18:00")))
                    .isExactlyInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aRangeThatEndsBeforeItStartsIsRefusedByEveryQuery() {
        // pendingCollections answered an empty list, where parts and customerCare refused it
        for (Executable q : queries(DAY, DAY.minusDays(1))) {
            assertThatThrownBy(q::execute).isExactlyInstanceOf(IllegalArgumentException.class)
                    .hasMessage("range ends before it starts: 2025-06-02 .. 2025-06-01");
        }
    }

    @Test
    void everyDayFrom0001To9999IsAnsweredAtOnceAsTheOneDayHoldingTheData() {
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            assertThat(everything().total()).isEqualTo(view.report(KpiQuery.day(DAY, Grouping.ROUTE, at("18:00"))).total());
            assertThat(view.pendingCollections(FIRST, LAST)).isEqualTo(view.pendingCollections(DAY, DAY)).hasSize(2);
            assertThat(view.parts(FIRST, LAST).revenue()).isEqualTo(view.parts(DAY, DAY).revenue());
            assertThat(view.customerCare(FIRST, LAST).completed()).isEqualTo(4);
        });
        // days with no data answer zeros and empty lists
        LocalDate quiet = LocalDate.of(3000, 1, 1);
        assertThat(view.report(KpiQuery.day(quiet, Grouping.BRANCH, at("18:00"))).rows()).isEmpty();
        assertThat(view.pendingCollections(quiet, quiet)).isEmpty();
        assertThat(view.parts(quiet, quiet).revenue()).isEqualTo(Money.inr(0));
        assertThat(view.customerCare(quiet, quiet).csat()).isEmpty();
    }

    @Test
    void aJobEventThatHappenedOutsideTheYearsIsRefusedAndChangesNothing() {
        KpiReport before = everything();
        for (Instant t : INSTANTS_OUT_OF_RANGE) {
            // it threw a DateTimeException from inside (for Instant.MAX and MIN) after the job's other events went in
            JobScript job = new JobScript(ACME, "J-far").created(at("09:00"), "BR-1", "AC_SERVICE", 100_000, null, null)
                    .assigned(at("09:05"), "T-1").status(t, JobStatus.COMPLETED);
            JobEvent completed = job.events().get(2);
            OwnerView fresh = OwnerView.builder().tenant(ACME).currency(Currency.INR).build();
            fresh.accept(job.events().get(0));
            fresh.accept(job.events().get(1));
            assertThatThrownBy(() -> fresh.accept(completed)).isExactlyInstanceOf(IllegalArgumentException.class)
                    .hasMessage("occurredAt " + t + " of job J-far at version 3 is outside the years 0001-9999");
            assertThat(fresh.customerCare(FIRST, LAST).completed()).isZero();
            JobEvent created = new JobScript(ACME, "J-far").created(t, "BR-1", "AC_SERVICE", 100_000, null, null)
                    .events().get(0);
            assertThatThrownBy(() -> view.accept(created)).isExactlyInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("is outside the years 0001-9999");
        }
        assertThat(everything()).isEqualTo(before);
    }

    @Test
    void aJobAtTheEdgeOfTheRangeIsKeptOnItsDayInTheViewsZone() {
        for (ZoneOffset zone : List.of(ZoneOffset.MAX, ZoneOffset.MIN, ZoneOffset.ofHoursMinutesSeconds(5, 53, 28))) {
            OwnerView edge = OwnerView.builder().tenant(ACME).currency(Currency.INR).zone(zone).build();
            edge.accept(new JobScript(ACME, "J-first").created(CalendarRange.MIN_INSTANT, "BR-1", "AC_SERVICE", 100, null,
                    null).events().get(0));
            edge.accept(new JobScript(ACME, "J-last").created(CalendarRange.MAX_INSTANT, "BR-1", "AC_SERVICE", 100, null,
                    null).events().get(0));
            // each lies on the first or last day in +18:00 or -18:00; elsewhere on a day of the year 0000 or 10000
            int reached = (zone.equals(ZoneOffset.MAX) ? 1 : 0) + (zone.equals(ZoneOffset.MIN) ? 1 : 0);
            assertThat(edge.report(KpiQuery.range(FIRST, LAST, Grouping.TOTAL, CalendarRange.MAX_INSTANT)).total()
                    .jobsCreated()).as("zone %s", zone).isEqualTo(reached);
        }
    }

    /** A part of job J2 used from a van, costing 300.00, at {@code at}. */
    private static StockEvent used(UUID id, Instant at) {
        StockEventHeader header = new StockEventHeader(id, StockStreamId.location(ACME, LocationId.of("VAN-1")), 1, at,
                Actor.system(ACME), "0".repeat(64));
        return new StockEvent.Used(header, "CAP-35", 1, 0, 0, Money.inr(30_000), Money.inr(0), List.of(), JobId.of("J2"),
                null);
    }

    @Test
    void aStockEventThatHappenedOutsideTheYearsIsRefusedAndNotTakenForSeen() {
        UUID id = new UUID(7, 7);
        for (Instant t : INSTANTS_OUT_OF_RANGE) {
            // it threw a DateTimeException from inside after its id was marked seen: the event in range was then lost
            StockEvent far = used(id, t);
            assertThatThrownBy(() -> view.accept(far)).isExactlyInstanceOf(IllegalArgumentException.class)
                    .hasMessage("occurredAt " + t + " of stock event " + id + " is outside the years 0001-9999");
        }
        view.accept(used(id, at("11:45")));
        assertThat(view.parts(DAY, DAY).cost()).isEqualTo(Money.inr(30_000));
    }

    @Test
    void aLeakageRiskOutsideTheYearsIsRefusedWhereItIsMadeAndCannotJamItsFinding() {
        for (Instant t : INSTANTS_OUT_OF_RANGE) {
            assertThatThrownBy(() -> new LeakageRisk("GHOST_VISIT", JobId.of("J1"), null, null, BR1, Money.inr(5), t))
                    .isExactlyInstanceOf(IllegalArgumentException.class)
                    .hasMessage("risk at " + t + " is outside the years 0001-9999");
        }
        // a risk at Instant.MAX was stored before its day failed: every later risk of that finding then failed too
        view.accept(new LeakageRisk("GHOST_VISIT", JobId.of("J1"), null, null, BR1, Money.inr(7), at("10:00")));
        assertThat(view.report(KpiQuery.day(DAY, Grouping.TOTAL, at("18:00"))).total().leakageTotal())
                .isEqualTo(Money.inr(7));
    }

    @Test
    void aLeakageSumThatOverflowsChangesNothing() {
        Money huge = Money.ofMinor(Long.MAX_VALUE, Currency.INR);
        view.accept(new LeakageRisk("GHOST_VISIT", JobId.of("J1"), null, null, BR1, huge, at("10:00")));
        KpiReport before = everything();
        assertThatThrownBy(() -> view.accept(new LeakageRisk("GHOST_VISIT", JobId.of("J2"), null, null, BR1, huge,
                at("11:00")))).isInstanceOf(ArithmeticException.class).hasMessageContaining("amount at risk");
        assertThat(everything()).isEqualTo(before);
        // the huge one can still be replaced by less, and the finding that failed given with an amount that fits
        view.accept(new LeakageRisk("GHOST_VISIT", JobId.of("J1"), null, null, BR1, Money.inr(5), at("10:00")));
        view.accept(new LeakageRisk("GHOST_VISIT", JobId.of("J2"), null, null, BR1, Money.inr(1), at("11:00")));
        assertThat(view.report(KpiQuery.day(DAY, Grouping.TOTAL, at("18:00"))).total().leakageAtRisk())
                .containsExactly(java.util.Map.entry("GHOST_VISIT", Money.inr(6)));
    }

    @Test
    void anAttendanceDayIsOneDayInTheYearsWithTimesThatFit() {
        Instant start = at("09:00");
        Instant end = at("18:00");
        for (LocalDate day : OUT_OF_RANGE) {
            assertThatThrownBy(() -> new AttendanceDay(T1, BR1, day, start, end, null, Duration.ZERO, Duration.ZERO))
                    .isExactlyInstanceOf(IllegalArgumentException.class)
                    .hasMessage("day " + day + " is outside the years 0001-9999");
        }
        // a shift near Instant.MAX threw from inside the view (its start plus the grace overflowed)
        Instant late = Instant.MAX.minusSeconds(3600);
        assertThatThrownBy(() -> new AttendanceDay(T1, BR1, DAY, late, Instant.MAX, null, Duration.ZERO, Duration.ZERO))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("shift start " + late + " is outside the years 0001-9999");
        assertThatThrownBy(() -> new AttendanceDay(T1, BR1, DAY, start, end, Instant.MIN, Duration.ZERO, Duration.ZERO))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("check-in " + Instant.MIN + " is outside the years 0001-9999");
        assertThatThrownBy(() -> new AttendanceDay(T1, BR1, DAY, start, start.plus(Duration.ofHours(25)), null,
                Duration.ZERO, Duration.ZERO)).isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is longer than a day");
        // two of these wrapped the view's sum of on-site seconds: a ratio part "must not be negative" at report time
        Duration forever = Duration.ofSeconds(Long.MAX_VALUE);
        assertThatThrownBy(() -> new AttendanceDay(T1, BR1, DAY, start, end, null, forever, Duration.ZERO))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("on-site time " + forever + " is longer than " + AttendanceDay.MAX_TIME
                        + ", the time from year 0001 to year 9999");
        assertThatThrownBy(() -> new AttendanceDay(T1, BR1, DAY, start, end, null, Duration.ZERO, Duration.ofSeconds(-1)))
                .isExactlyInstanceOf(IllegalArgumentException.class).hasMessage("travel time must not be negative, was PT-1S");
        // the longest: a whole day's shift, a stay from the first instant in range to the last
        new AttendanceDay(T1, BR1, DAY, start, start.plus(AttendanceDay.MAX_SHIFT), null, AttendanceDay.MAX_TIME,
                AttendanceDay.MAX_TIME);
    }

    @Test
    void theViewTakesAnAttendanceDayOnlyOnTheDayItsShiftStarts() {
        KpiReport before = everything();
        assertThatThrownBy(() -> view.accept(new AttendanceDay(T1, BR1, DAY.plusYears(5), at("09:00"), at("18:00"), null,
                Duration.ZERO, Duration.ZERO))).isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("attendance of T-1 on 2030-06-02 has a shift starting on 2025-06-02 in Asia/Kolkata: a day's"
                        + " shift starts on that day");
        assertThat(everything()).isEqualTo(before);
        // a night shift belongs to the day it starts
        view.accept(new AttendanceDay(T1, BR1, DAY, at("22:00"), at("22:00").plus(Duration.ofHours(8)), null,
                Duration.ofHours(1), Duration.ZERO));
        assertThat(view.report(KpiQuery.day(DAY, Grouping.TOTAL, at("18:00"))).total().utilisation())
                .isEqualTo(new Ratio(3600, 8 * 3600));
    }

    @Test
    void maximalStaysDoNotWrapTheSumsOfSeconds() {
        OwnerView owner = OwnerView.builder().tenant(ACME).currency(Currency.INR).build();
        for (String tech : List.of("T-1", "T-2", "T-3")) {
            owner.accept(new AttendanceDay(TechnicianId.of(tech), BR1, DAY, at("09:00"), at("18:00"), null,
                    AttendanceDay.MAX_TIME, AttendanceDay.MAX_TIME));
        }
        Kpis total = owner.report(KpiQuery.day(DAY, Grouping.TOTAL, at("18:00"))).total();
        assertThat(total.utilisation()).isEqualTo(new Ratio(3 * AttendanceDay.MAX_TIME.toSeconds(), 3 * 9 * 3600));
        assertThat(total.travelShare()).isEqualTo(total.utilisation());
    }

    @Test
    void theCheckInGraceIsAtMostADay() {
        assertThatThrownBy(() -> OwnerView.builder().checkInGrace(Duration.ofSeconds(Long.MAX_VALUE)))
                .isExactlyInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most a day");
        OwnerView lenient = OwnerView.builder().tenant(ACME).currency(Currency.INR).checkInGrace(Duration.ofDays(1)).build();
        lenient.accept(new AttendanceDay(T1, BR1, DAY, at("09:00"), at("18:00"), at("23:00"), Duration.ZERO, Duration.ZERO));
        assertThat(lenient.report(KpiQuery.day(DAY, Grouping.TOTAL, at("18:00"))).total().punctuality())
                .isEqualTo(new Ratio(1, 1));
    }

    @Test
    void aDepositRepeatedForAnotherBranchStaysWithTheFirst() {
        CashDeposit slip = new CashDeposit(T1, at("19:00"), Money.inr(50_000), "D-9");
        view.accept(slip, BR1);
        view.accept(slip, BranchId.of("BR-2"));
        KpiReport byBranch = view.report(KpiQuery.day(DAY, Grouping.BRANCH, at("19:30")));
        assertThat(byBranch.row("BR-2").orElseThrow().cashInHand()).isEqualTo(Money.inr(0));
        assertThat(byBranch.total().cashInHand()).isEqualTo(Money.inr(150_000 - 50_000));
        assertThatThrownBy(() -> view.accept(new CashDeposit(T1, at("19:00"), Money.inr(60_000), "D-9"), BR1))
                .isExactlyInstanceOf(IllegalArgumentException.class).hasMessageContaining("other details");
    }

    @Test
    void eventsTwiceOrOutOfOrderAreReplaysOrRefusals() {
        JobScript late = new JobScript(ACME, "J-late").created(at("09:00"), "BR-1", "AC_SERVICE", 100_000, null, null)
                .assigned(at("09:01"), "T-1").status(at("09:30"), JobStatus.ARRIVED)
                .status(at("10:00"), JobStatus.COMPLETED).paid(at("10:01"), PaymentMode.UPI, 100_000);
        List<JobEvent> events = late.events();
        view.accept(events.get(0));
        assertThatThrownBy(() -> view.accept(events.get(3))).isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("out of order");
        events.forEach(view::accept);
        KpiReport once = everything();
        events.forEach(view::accept);
        for (int i = events.size() - 1; i >= 0; i--) {
            view.accept(events.get(i));
        }
        assertThat(everything()).isEqualTo(once);
        assertThat(view.customerCare(DAY, DAY).completed()).isEqualTo(5);
    }
}
