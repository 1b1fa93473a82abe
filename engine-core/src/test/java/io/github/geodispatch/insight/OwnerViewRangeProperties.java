package io.github.geodispatch.insight;

import io.github.geodispatch.spi.BranchId;
import io.github.geodispatch.spi.CalendarRange;
import io.github.geodispatch.spi.Currency;
import io.github.geodispatch.spi.JobEvent;
import io.github.geodispatch.spi.JobStatus;
import io.github.geodispatch.spi.PaymentMode;
import io.github.geodispatch.spi.TechnicianId;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.LongRange;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Supplier;

import static io.github.geodispatch.insight.OwnerViewTest.ACME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The owner's view over any range of days and fed any time: a query either answers or is refused with an
 * {@link IllegalArgumentException} (never another exception, never slowly), it answers exactly when both days are in
 * years 0001-9999 and in order, and its answer is the sum of the days in it. An input is taken or refused the same
 * way, and one refused changes nothing.
 */
class OwnerViewRangeProperties {
    private static final ZoneId IST = ZoneId.of("Asia/Kolkata");
    private static final LocalDate FIRST = LocalDate.of(CalendarRange.MIN_YEAR, 1, 1);
    private static final LocalDate LAST = LocalDate.of(CalendarRange.MAX_YEAR, 12, 31);
    /** The days holding data: the first two and the last two of the range, and one between. */
    private static final List<LocalDate> DATA_DAYS = List.of(FIRST, FIRST.plusDays(1), LocalDate.of(2025, 6, 2),
            LAST.minusDays(1), LAST);
    private static final OwnerView VIEW = fedView();

    /** One completed job per data day, 09:00-10:00 IST, quoted 1,000.00, paid 400.00 in cash, with a part of 50.00. */
    private static OwnerView fedView() {
        OwnerView view = OwnerView.builder().tenant(ACME).currency(Currency.INR).build();
        for (LocalDate day : DATA_DAYS) {
            Instant nine = day.atTime(9, 0).atZone(IST).toInstant();
            new JobScript(ACME, "J-" + day).created(nine, "BR-1", "AC_SERVICE", 100_000, nine.plusSeconds(7200), null)
                    .assigned(nine.plusSeconds(60), "T-1").status(nine.plusSeconds(1800), JobStatus.ARRIVED)
                    .part(nine.plusSeconds(2400), 1, 5_000, true).status(nine.plusSeconds(3600), JobStatus.COMPLETED)
                    .feedback(nine.plusSeconds(3700), 5).paid(nine.plusSeconds(3800), PaymentMode.CASH, 40_000)
                    .events().forEach(view::accept);
        }
        return view;
    }

    @Provide
    Arbitrary<LocalDate> days() {
        Arbitrary<LocalDate> near = Arbitraries.longs().between(LocalDate.of(-1, 1, 1).toEpochDay(),
                LocalDate.of(10_001, 12, 31).toEpochDay()).map(LocalDate::ofEpochDay);
        Arbitrary<LocalDate> anywhere = Arbitraries.longs().between(LocalDate.MIN.toEpochDay(), LocalDate.MAX.toEpochDay())
                .map(LocalDate::ofEpochDay);
        Arbitrary<LocalDate> edges = Arbitraries.of(LocalDate.MIN, LocalDate.MAX, FIRST, FIRST.minusDays(1), LAST,
                LAST.plusDays(1), FIRST.plusDays(1), LAST.minusDays(1), LocalDate.of(2025, 6, 2));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(5, near), net.jqwik.api.Tuple.of(1, anywhere),
                net.jqwik.api.Tuple.of(4, edges));
    }

    @Provide
    Arbitrary<Instant> instants() {
        Arbitrary<Instant> anywhere = Arbitraries.longs().between(Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond())
                .map(Instant::ofEpochSecond);
        Arbitrary<Instant> nearEdges = Arbitraries.longs().between(-2 * 86_400_000_000_000L, 2 * 86_400_000_000_000L)
                .flatMap(nanos -> Arbitraries.of(CalendarRange.MIN_INSTANT.plusNanos(nanos),
                        CalendarRange.MAX_INSTANT.plusNanos(nanos)));
        Arbitrary<Instant> edges = Arbitraries.of(Instant.MIN, Instant.MAX, CalendarRange.MIN_INSTANT,
                CalendarRange.MAX_INSTANT, CalendarRange.MIN_INSTANT.minusNanos(1), CalendarRange.MAX_INSTANT.plusNanos(1));
        return Arbitraries.oneOf(anywhere, nearEdges, edges);
    }

    private static boolean valid(LocalDate from, LocalDate to) {
        return CalendarRange.contains(from) && CalendarRange.contains(to) && !to.isBefore(from);
    }

    /** Answers, or is refused with an IllegalArgumentException exactly when the range is not valid. */
    private static <T> T answerOrRefusal(boolean valid, Supplier<T> query) {
        List<T> answer = new java.util.ArrayList<>(1);
        Throwable thrown = catchThrowable(() -> answer.add(query.get()));
        if (valid) {
            assertThat(thrown).as("a range in years 0001-9999, in order").isNull();
            return answer.get(0);
        }
        assertThat(thrown).isExactlyInstanceOf(IllegalArgumentException.class);
        return null;
    }

    @Property(tries = 400)
    void anyRangeIsAnsweredAsTheSumOfItsDaysOrRefusedWithAnIllegalArgument(@ForAll("days") LocalDate from,
                                                                           @ForAll("days") LocalDate to) {
        boolean valid = valid(from, to);
        Statistics.label("range").collect(valid ? "answered" : "refused");
        long dataDays = valid ? DATA_DAYS.stream().filter(d -> !d.isBefore(from) && !d.isAfter(to)).count() : 0;
        Throwable madeQuery = catchThrowable(() -> KpiQuery.range(from, to, Grouping.ROUTE, CalendarRange.MAX_INSTANT));
        if (valid) {
            KpiReport report = answerOrRefusal(true,
                    () -> VIEW.report(KpiQuery.range(from, to, Grouping.ROUTE, CalendarRange.MAX_INSTANT)));
            assertThat(report.total().jobsCompleted()).isEqualTo(dataDays);
            assertThat(report.rows()).hasSize((int) dataDays);
            assertThat(report.total().cashInHand().minor()).isEqualTo(40_000 * dataDays);
            assertThat(report.total().slaCompliance()).isEqualTo(new Ratio(dataDays, dataDays));
        } else {
            assertThat(madeQuery).isExactlyInstanceOf(IllegalArgumentException.class);
        }
        PartsKpis parts = answerOrRefusal(valid, () -> VIEW.parts(from, to));
        List<PendingCollection> pending = answerOrRefusal(valid, () -> VIEW.pendingCollections(from, to));
        CustomerCareKpis care = answerOrRefusal(valid, () -> VIEW.customerCare(from, to));
        if (valid) {
            assertThat(parts.revenue().minor()).isEqualTo(5_000 * dataDays);
            assertThat(pending).hasSize((int) dataDays)
                    .allSatisfy(p -> assertThat(p.pending().minor()).isEqualTo(100_000 + 5_000 - 40_000));
            assertThat(care.completed()).isEqualTo(dataDays);
            assertThat(care.ratings()).isEqualTo(dataDays);
        }
    }

    @Property(tries = 300)
    void aJobEventAtAnyTimeIsTakenWhenInRangeOrRefusedChangingNothing(@ForAll("instants") Instant at) {
        OwnerView view = OwnerView.builder().tenant(ACME).currency(Currency.INR).build();
        Instant nine = LocalDate.of(2025, 6, 2).atTime(9, 0).atZone(IST).toInstant();
        List<JobEvent> events = new JobScript(ACME, "J-1").created(nine, "BR-1", "AC_SERVICE", 100_000, null, null)
                .assigned(nine, "T-1").status(at, JobStatus.COMPLETED).events();
        view.accept(events.get(0));
        view.accept(events.get(1));
        Throwable thrown = catchThrowable(() -> view.accept(events.get(2)));
        int completed = view.report(KpiQuery.range(FIRST, LAST, Grouping.TOTAL, CalendarRange.MAX_INSTANT)).total()
                .jobsCompleted();
        Statistics.label("event time").collect(CalendarRange.contains(at) ? "in range" : "out of range");
        if (CalendarRange.contains(at)) {
            assertThat(thrown).isNull();
            assertThat(completed).isEqualTo(1);
        } else {
            assertThat(thrown).isExactlyInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("is outside the years 0001-9999");
            assertThat(completed).isZero();
            assertThat(view.customerCare(FIRST, LAST).completed()).isZero();
        }
    }

    @Property(tries = 300)
    void anAttendanceDayAtAnyTimeIsTakenOrRefusedWithAnIllegalArgument(@ForAll("instants") Instant shiftStart,
            @ForAll @LongRange(min = -1, max = 200_000) long shiftSeconds,
            @ForAll @LongRange(min = -1, max = Long.MAX_VALUE) long onSiteSeconds) {
        OwnerView view = OwnerView.builder().tenant(ACME).currency(Currency.INR).build();
        boolean startInRange = CalendarRange.contains(shiftStart);
        // the day the shift starts on, in the view's zone (for a start out of range, a day it is not on)
        LocalDate day = startInRange ? LocalDate.ofInstant(shiftStart, IST) : LocalDate.of(2025, 6, 2);
        Instant end = startInRange ? shiftStart.plusSeconds(shiftSeconds) : shiftStart;
        Throwable thrown = catchThrowable(() -> view.accept(new AttendanceDay(TechnicianId.of("T-1"), BranchId.of("BR-1"),
                day, shiftStart, end, shiftStart, Duration.ofSeconds(onSiteSeconds), Duration.ZERO)));
        boolean takes = CalendarRange.contains(day) && startInRange && CalendarRange.contains(end) && shiftSeconds > 0
                && shiftSeconds <= 86_400 && onSiteSeconds >= 0 && onSiteSeconds <= AttendanceDay.MAX_TIME.toSeconds();
        Statistics.label("attendance day").collect(takes ? "taken" : "refused");
        Kpis total = view.report(KpiQuery.range(FIRST, LAST, Grouping.TOTAL, CalendarRange.MAX_INSTANT)).total();
        if (takes) {
            assertThat(thrown).isNull();
            assertThat(total.punctuality()).isEqualTo(new Ratio(1, 1));
            assertThat(total.utilisation()).isEqualTo(new Ratio(onSiteSeconds, shiftSeconds));
        } else {
            assertThat(thrown).isExactlyInstanceOf(IllegalArgumentException.class);
            assertThat(total.punctuality()).isEqualTo(new Ratio(0, 0));
        }
    }
}
