package io.github.geodispatch.dispatch;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A leave of up to a year is every day of it off; a longer one is refused at once (one of LocalDate.MIN to MAX ran out of memory). */
class WorkCalendarProperties {
    private static final WorkCalendar WEEK = WorkCalendar.weekly(WorkingHours.of(LocalTime.of(9, 0), LocalTime.of(18, 0)),
            EnumSet.allOf(DayOfWeek.class));

    /** The epoch day of 9999-12-31, the last day a leave can take, less a year. */
    private static final long LAST_FIRST_DAY = 2_932_896 - WorkCalendar.MAX_LEAVE_DAYS;

    @Property(tries = 200)
    void aLeaveOfUpToAYearIsEveryDayOfItOff(@ForAll @LongRange(min = 0, max = LAST_FIRST_DAY) long epochDay,
                                            @ForAll @IntRange(min = 1, max = WorkCalendar.MAX_LEAVE_DAYS) int days) {
        LocalDate first = LocalDate.ofEpochDay(epochDay);
        LocalDate last = first.plusDays(days - 1);

        WorkCalendar calendar = WEEK.withLeave(first, last);

        assertThat(calendar.leave()).hasSize(days);
        assertThat(calendar.hoursOn(first)).isEmpty();
        assertThat(calendar.hoursOn(last)).isEmpty();
        assertThat(calendar.hoursOn(last.plusDays(1))).isPresent();
    }

    @Property(tries = 50)
    void aLongerLeaveIsRefusedNamingItsLength(@ForAll @LongRange(min = WorkCalendar.MAX_LEAVE_DAYS, max = 3_000_000) long extra) {
        LocalDate first = LocalDate.of(2026, 1, 1);
        assertThatThrownBy(() -> WEEK.withLeave(first, first.plusDays(extra)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is " + (extra + 1) + " days; at most " + WorkCalendar.MAX_LEAVE_DAYS);
    }

    @Test
    void aLeaveOverTheWholeCalendarIsRefused() {
        assertThatThrownBy(() -> WEEK.withLeave(LocalDate.MIN, LocalDate.MAX)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 366 are taken at once");
    }
}
