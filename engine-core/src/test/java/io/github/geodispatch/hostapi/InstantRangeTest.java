package io.github.geodispatch.hostapi;

import io.github.geodispatch.dispatch.Shift;
import io.github.geodispatch.dispatch.plan.DayPlanProblem;
import io.github.geodispatch.dispatch.plan.HorizonProblem;
import io.github.geodispatch.dispatch.plan.PlanDay;
import io.github.geodispatch.geofence.Ping;
import io.github.geodispatch.insight.Grouping;
import io.github.geodispatch.insight.KpiQuery;
import io.github.geodispatch.leakage.LeakageAudit;
import io.github.geodispatch.leakage.LeakageMonitor;
import io.github.geodispatch.leakage.LeakagePolicy;
import io.github.geodispatch.payment.CashDeposit;
import io.github.geodispatch.payment.CashLedger;
import io.github.geodispatch.spi.CalendarRange;
import io.github.geodispatch.spi.GeoPoint;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.Money;
import io.github.geodispatch.spi.SiteId;
import io.github.geodispatch.spi.TechnicianId;
import io.github.geodispatch.stock.StockAudit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * Every public entry point taking an instant refuses one outside years 0001-9999 ({@link CalendarRange}) with the
 * error the readers give, naming the parameter, before anything is read or changed: a host's {@code Instant.MAX}
 * overflowed later arithmetic (an ArithmeticException or a DateTimeException from inside the engine).
 */
class InstantRangeTest {
    private static final TechnicianId RAVI = TechnicianId.of("ravi");
    private static final Instant TOO_LATE = CalendarRange.MAX_INSTANT.plusNanos(1);
    private static final Instant[] OUT_OF_RANGE = {Instant.MAX, Instant.MIN, TOO_LATE,
            CalendarRange.MIN_INSTANT.minusNanos(1)};

    private static void refused(String field, java.util.function.Function<Instant, Executable> call) {
        for (Instant t : OUT_OF_RANGE) {
            assertThatThrownBy(() -> call.apply(t).execute()).as("%s %s", field, t)
                    .isExactlyInstanceOf(IllegalArgumentException.class)
                    .hasMessage(field + " " + t + " is outside the years 0001-9999");
        }
    }

    @Test
    void theBatchAuditsRefuseAnAsOfOutOfRange() {
        refused("asOf", t -> () -> LeakageAudit.run(new ByteArrayInputStream(new byte[0]), t, LeakagePolicy.defaults()));
        refused("asOf", t -> () -> StockAudit.run(new ByteArrayInputStream(new byte[0]), t,
                StockAudit.Options.defaults()));
        assertThatCode(() -> LeakageAudit.run(new ByteArrayInputStream(new byte[0]), CalendarRange.MAX_INSTANT,
                LeakagePolicy.defaults())).doesNotThrowAnyException();
    }

    @Test
    void theLiveMonitorRefusesATimeOutOfRange() {
        LeakageMonitor monitor = LeakageMonitor.create();
        SiteId site = SiteId.of("S-1");
        refused("asOf", t -> () -> monitor.findings(t));
        refused("asOf", t -> () -> monitor.collections(t));
        refused("before", t -> () -> monitor.retire(t));
        refused("at", t -> () -> monitor.touch(JobId.of("J-1"), t));
        refused("from", t -> () -> monitor.visitStarted(RAVI, site, t));
        refused("to", t -> () -> monitor.visit(RAVI, site, CalendarRange.MIN_INSTANT, t));
        assertThat(monitor.findings(CalendarRange.MIN_INSTANT)).isEmpty();
    }

    @Test
    void theCashLedgerRefusesATimeOutOfRangeAndKeepsNothingOfIt() {
        CashLedger ledger = new CashLedger();
        refused("collected at", t -> () -> ledger.collected(RAVI, JobId.of("J-1"), t, Money.inr(100), "pay-1"));
        refused("deposit at", t -> () -> new CashDeposit(RAVI, t, Money.inr(100), "slip-1"));
        refused("before", t -> () -> ledger.settle(t));
        refused("asOf", t -> () -> ledger.position(RAVI, t));
        assertThat(ledger.technicians()).isEmpty();
        assertThat(ledger.position(RAVI, CalendarRange.MAX_INSTANT).collected()).isEqualTo(Money.inr(0));
    }

    @Test
    void queriesPingsShiftsAndPlansRefuseATimeOutOfRange() {
        LocalDate day = LocalDate.of(2026, 11, 2);
        Instant nine = Instant.parse("2026-11-02T03:30:00Z");
        refused("asOf", t -> () -> KpiQuery.day(day, Grouping.TOTAL, t));
        assertThatThrownBy(() -> KpiQuery.range(LocalDate.of(2026, 1, 1), LocalDate.of(10_000, 1, 1),
                Grouping.TOTAL, nine)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("to +10000-01-01 is outside the years 0001-9999");
        refused("ping time", t -> () -> new Ping("p-1", RAVI, t, new GeoPoint(12.9, 77.6), 5));
        refused("shift start", t -> () -> Shift.of(t, nine));
        refused("shift end", t -> () -> Shift.of(nine, t));
        refused("now", t -> () -> DayPlanProblem.of(t, List.of(), List.of()));
        refused("now", t -> () -> new HorizonProblem(t, List.of(PlanDay.of(day, List.of())), List.of()));
    }
}
