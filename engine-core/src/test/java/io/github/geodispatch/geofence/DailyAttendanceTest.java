package io.github.geodispatch.geofence;

import io.github.geodispatch.spi.TechnicianId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DailyAttendanceTest {
    private static final TechnicianId T = TechnicianId.of("T-1");

    private static SiteVisit v(String fence, FenceKind kind, String from, String to) {
        return SiteVisit.of(T, FenceId.of(fence), kind, Instant.parse("2026-11-03T" + from + ":00Z"),
                Instant.parse("2026-11-03T" + to + ":00Z"), 1.0);
    }

    @Test
    void aDayIsCheckInSitesTravelAndCheckOut() {
        List<DailyAttendance> days = DailyAttendance.summarize(List.of(
                v("BR-1", FenceKind.BRANCH, "09:00", "09:30"),
                v("S-1", FenceKind.SITE, "10:00", "11:00"),
                v("S-2", FenceKind.SITE, "10:30", "11:30"), // overlapping sites count once
                v("Z-1", FenceKind.SERVICE_AREA, "08:00", "19:00"), // zones are ignored
                v("BR-1", FenceKind.BRANCH, "17:00", "17:20")), ZoneOffset.UTC);
        assertThat(days).singleElement().satisfies(d -> {
            assertThat(d.checkIn()).contains(Instant.parse("2026-11-03T09:00:00Z"));
            assertThat(d.checkOut()).contains(Instant.parse("2026-11-03T17:20:00Z"));
            assertThat(d.onSites()).isEqualTo(Duration.ofMinutes(90));
            assertThat(d.atBranch()).isEqualTo(Duration.ofMinutes(50));
            assertThat(d.travelling()).isEqualTo(Duration.ofMinutes(8 * 60 + 20 - 140));
            assertThat(d.siteVisits()).isEqualTo(2);
        });
    }
}
