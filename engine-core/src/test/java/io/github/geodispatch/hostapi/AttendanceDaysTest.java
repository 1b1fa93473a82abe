package io.github.geodispatch.hostapi;

import io.github.geodispatch.GeoDispatch;
import io.github.geodispatch.dispatch.ServiceAreas;
import io.github.geodispatch.dispatch.Shift;
import io.github.geodispatch.dispatch.Technician;
import io.github.geodispatch.geofence.DailyAttendance;
import io.github.geodispatch.geofence.Fence;
import io.github.geodispatch.geofence.FenceId;
import io.github.geodispatch.geofence.FenceKind;
import io.github.geodispatch.geofence.FenceShape;
import io.github.geodispatch.geofence.Ping;
import io.github.geodispatch.geofence.PingOutcome;
import io.github.geodispatch.insight.AttendanceDay;
import io.github.geodispatch.insight.Grouping;
import io.github.geodispatch.insight.KpiQuery;
import io.github.geodispatch.insight.Kpis;
import io.github.geodispatch.insight.Ratio;
import io.github.geodispatch.spi.BranchId;
import io.github.geodispatch.spi.CalendarRange;
import io.github.geodispatch.spi.Currency;
import io.github.geodispatch.spi.GeoPoint;
import io.github.geodispatch.spi.TechnicianId;
import io.github.geodispatch.spi.TenantId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code visits().attendance(day)} at the edges of the calendar: a null day was an unnamed NullPointerException,
 * {@code LocalDate.MAX} a DateTimeException from java.time, and days of the years 0000 and 10000 (or
 * {@code LocalDate.MIN}) were answered though no query of the owner's view reaches them. A day outside years 0001-9999
 * is now refused naming it; every day inside is answered, also after pings at the first and last instants in range.
 */
class AttendanceDaysTest {
    private static final TenantId TENANT = TenantId.of("sheetal-care");
    private static final BranchId BRANCH = BranchId.of("BR-1");
    private static final TechnicianId RAVI = TechnicianId.of("ravi");
    private static final GeoPoint OFFICE = GeoPoint.of(12.9352, 77.6245);
    private static final LocalDate FIRST = LocalDate.of(1, 1, 1);
    private static final LocalDate LAST = LocalDate.of(9999, 12, 31);

    private static final class Clock implements InstantSource {
        Instant now = Instant.parse("2026-11-16T02:30:00Z");

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** A front door in {@code zone} with the branch fenced and Ravi on the board on {@code shift}. */
    private static GeoDispatch frontDoor(Clock clock, ZoneId zone, Shift shift) {
        GeoDispatch gd = GeoDispatch.builder().business(TENANT, Currency.INR, zone).clock(clock).build();
        gd.visits().fences().add(new Fence(FenceId.of("BR-1"), FenceKind.BRANCH, new FenceShape.Circle(OFFICE, 100)));
        gd.dispatch().putTechnician(new Technician(RAVI, BRANCH, Map.of("ac.split.service", 3), List.of(),
                ServiceAreas.anywhere(), shift, 8, OFFICE, OFFICE, null));
        return gd;
    }

    /** Pings at the branch at each time, the clock following them. */
    private static void atTheBranch(GeoDispatch gd, Clock clock, String prefix, Instant... times) {
        int n = 0;
        for (Instant t : times) {
            clock.now = t;
            PingOutcome outcome = gd.visits().accept(new Ping(prefix + n, RAVI, t,
                    GeoPoint.of(OFFICE.lat() + (n++ % 3) * 1e-6, OFFICE.lng()), 10));
            assertThat(outcome.accepted()).as("ping at %s", t).isTrue();
        }
    }

    @Test
    void aDayOutsideTheYears0001To9999IsRefusedNamingIt() {
        Clock clock = new Clock();
        GeoDispatch gd = frontDoor(clock, ZoneId.of("Asia/Kolkata"),
                Shift.of(clock.now, clock.now.plus(Duration.ofHours(9))));
        assertThatThrownBy(() -> gd.visits().attendance(null)).isExactlyInstanceOf(NullPointerException.class)
                .hasMessage("day");
        for (LocalDate day : List.of(LocalDate.MIN, LocalDate.of(0, 12, 31), LocalDate.of(10_000, 1, 1), LocalDate.MAX)) {
            assertThatThrownBy(() -> gd.visits().attendance(day)).isExactlyInstanceOf(IllegalArgumentException.class)
                    .hasMessage("day " + day + " is outside the years 0001-9999");
        }
        // before any ping, far in the future, and the first and last days: answered, with nothing in them
        for (LocalDate day : List.of(FIRST, LocalDate.of(1900, 1, 1), LocalDate.of(3000, 1, 1), LAST)) {
            assertThat(gd.visits().attendance(day)).as("%s", day).isEmpty();
        }
        // the shift's day counts Ravi in the owner's view, with no check-in
        assertThat(gd.visits().attendance(LocalDate.of(2026, 11, 16))).isEmpty();
        assertThat(gd.owner().report(KpiQuery.day(LocalDate.of(2026, 11, 16), Grouping.TOTAL, clock.now)).total()
                .punctuality()).isEqualTo(new Ratio(0, 1));
    }

    @Test
    void pingsAtTheFirstAndLastInstantsInRangeAreAttendedOnTheirDaysInTheZone() {
        Instant first = CalendarRange.MIN_INSTANT;
        Instant last = CalendarRange.MAX_INSTANT;
        // in +18:00 the first instant is the first day's midnight; in -18:00 the last is the last day's last moment
        for (ZoneOffset zone : List.of(ZoneOffset.MAX, ZoneOffset.MIN)) {
            Clock clock = new Clock();
            boolean east = zone.equals(ZoneOffset.MAX);
            Instant shiftStart = east ? first : last.minus(Duration.ofHours(9));
            GeoDispatch gd = frontDoor(clock, zone, Shift.of(shiftStart, shiftStart.plus(Duration.ofHours(9))));
            Instant from = east ? first : last.minus(Duration.ofMinutes(15));
            atTheBranch(gd, clock, "p", from, from.plusSeconds(300), from.plusSeconds(600), from.plusSeconds(900));
            gd.visits().flush();
            LocalDate day = east ? FIRST : LAST;

            List<DailyAttendance> days = gd.visits().attendance(day);

            assertThat(days).as("zone %s", zone).singleElement().satisfies(a -> {
                assertThat(a.checkIn()).contains(from.truncatedTo(ChronoUnit.MILLIS)); // the tracker keeps milliseconds
                assertThat(a.atBranch()).isEqualTo(Duration.ofMinutes(15));
            });
            Kpis total = gd.owner().report(KpiQuery.day(day, Grouping.TOTAL, last)).total();
            assertThat(total.punctuality()).as("zone %s", zone).isEqualTo(new Ratio(east ? 1 : 0, 1));
            assertThat(gd.visits().attendance(east ? LAST : FIRST)).isEmpty();
        }
    }

    @Test
    void aStayFromTheFirstInstantToTheLastReachesTheOwnersView() {
        // a phone at a customer's site from the first instant in range to the last: ten thousand years on site
        Clock clock = new Clock();
        ZoneOffset zone = ZoneOffset.MAX;
        GeoDispatch gd = frontDoor(clock, zone, Shift.of(CalendarRange.MIN_INSTANT,
                CalendarRange.MIN_INSTANT.plus(Duration.ofHours(9))));
        gd.visits().fences().add(new Fence(FenceId.of("S-1"), FenceKind.SITE, new FenceShape.Circle(OFFICE, 100)));
        Instant first = CalendarRange.MIN_INSTANT;
        Instant last = CalendarRange.MAX_INSTANT;
        atTheBranch(gd, clock, "s", first, first.plusSeconds(300), first.plusSeconds(600), last.minusSeconds(300), last);
        gd.visits().flush();

        DailyAttendance day = gd.visits().attendance(FIRST).get(0);

        assertThat(day.onSites()).isLessThanOrEqualTo(AttendanceDay.MAX_TIME).isGreaterThan(Duration.ofDays(3_650_000));
        Kpis total = gd.owner().report(KpiQuery.day(FIRST, Grouping.TOTAL, last)).total();
        assertThat(total.utilisation()).isEqualTo(new Ratio(day.onSites().toSeconds(), 9 * 3600));
    }
}
