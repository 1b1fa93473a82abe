package io.github.geodispatch.spi;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An instant is in range exactly when a time in range, in some offset, has it. */
class CalendarRangeProperties {

    @Property
    void everyTimeInRangeHasAnInstantInRange(@ForAll @IntRange(min = 1, max = 9999) int year,
                                             @ForAll @IntRange(min = 1, max = 365) int day,
                                             @ForAll @IntRange(min = 0, max = 86_399) int second,
                                             @ForAll @IntRange(min = -18 * 3600, max = 18 * 3600) int offset) {
        OffsetDateTime time = OffsetDateTime.of(year, 1, 1, 0, 0, 0, 0, ZoneOffset.ofTotalSeconds(offset))
                .plusDays(day - 1).plusSeconds(second);

        assertThat(CalendarRange.contains(time.toInstant())).isEqualTo(CalendarRange.contains(time)).isTrue();
    }

    @Property
    void anInstantOutsideTheBoundsIsRefusedNamingItsField(@ForAll @LongRange(min = 1) long nanosBeyond) {
        Instant early = CalendarRange.MIN_INSTANT.minusNanos(nanosBeyond);
        Instant late = CalendarRange.MAX_INSTANT.plusNanos(nanosBeyond);

        assertThat(CalendarRange.contains(early)).isFalse();
        assertThat(CalendarRange.contains(late)).isFalse();
        assertThatThrownBy(() -> CalendarRange.require(late, "asOf")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("asOf " + late + " is outside the years 0001-9999");
    }

    @Test
    void theBoundsAreTheFirstAndLastTimesInRangeInTheFarthestOffsets() {
        assertThat(CalendarRange.MIN_INSTANT).isEqualTo(Instant.parse("0000-12-31T06:00:00Z"));
        assertThat(CalendarRange.MAX_INSTANT).isEqualTo(Instant.parse("+10000-01-01T17:59:59.999999999Z"));
        assertThat(CalendarRange.require(CalendarRange.MAX_INSTANT, "at")).isEqualTo(CalendarRange.MAX_INSTANT);
        assertThat(CalendarRange.contains(Instant.MIN)).isFalse();
        assertThatThrownBy(() -> CalendarRange.require((Instant) null, "at")).isInstanceOf(NullPointerException.class)
                .hasMessage("at");
    }
}
